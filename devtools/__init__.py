"""Developer tools that run from a source checkout and are not shipped (not in the wheel, not in
the PyInstaller bundle): `loyalty-desktop screenshots DIR` renders every screen to PNG."""
