// Filled in by a later step of docs/ARCHITECTURE.md.
