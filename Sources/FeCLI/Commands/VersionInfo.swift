import FeEngine
import FeLaunch
import FeRuntime

enum VersionInfo {
  static func print() {
    let c = FeContext.shared
    c.out("fe \(FeMain.version)")
    c.out("engine \(Runtime.engineID) (V8 \(Engine.version), libnode build \(Engine.buildID.prefix(12)))")
  }
}
