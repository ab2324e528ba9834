"""Commands run from the terminal (`python -m handbook.commands.NAME`, mostly through tasks.py)."""
