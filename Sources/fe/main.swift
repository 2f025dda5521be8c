import FeCLI

// Thin executable: everything lives in FeCLI so it can be tested in-process.
FeMain.main()
