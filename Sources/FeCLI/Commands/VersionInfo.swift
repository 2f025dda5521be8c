import FeEngine
import FeRuntime

enum VersionInfo {
  static func print() {
    let c = CLIContext.shared
    c.out("fe \(FeMain.version)")
    c.out("engine \(Runtime.engineID) (V8 \(Engine.version), libnode build \(Engine.buildID.prefix(12)))")
  }
}
