"""What leaves the archive: API, exports, feeds, dataset releases, Popolo, imports."""
