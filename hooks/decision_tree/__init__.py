"""The "Should I fire this client?" decision tree: data file -> load -> validate -> render."""
