import ArgumentParser
import FeLaunch

/// `--registry` and `--offline`, shared by the commands that may reach a registry.
struct RegistryOptions: ParsableArguments {
  @Option(help: "Registry: a directory, file://, http:// or https:// URL (default: FE_REGISTRY, then `registry` in fe.config.js).")
  var registry: String?
  @Flag(help: "Use only what is installed; never touch the network (also FE_OFFLINE=1).")
  var offline = false
}
