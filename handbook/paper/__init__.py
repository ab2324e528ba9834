"""Paper: the print book, the PDFs, the training handouts, the downloads block and link previews."""
