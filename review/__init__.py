"""What people touch: the satyapan CLI, the reviewer's views and fact-sheet exports."""
