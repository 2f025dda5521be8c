// The fe-binary harness (Fe.run, Sandbox, SharedStore) and TempDir come from FeTestSupport.
@_exported import FeTestSupport
