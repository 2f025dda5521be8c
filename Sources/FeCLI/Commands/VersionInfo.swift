import FeEngine
import FeLaunch
import FeRuntime

enum VersionInfo {
  static func print(_ c: FeContext) {
    c.out("fe \(FeMain.version)")
    c.out("engine \(Runtime.engineID) (V8 \(Engine.version), libnode build \(Engine.buildID.prefix(12)))")
  }
}
