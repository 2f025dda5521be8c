// The example project: pins the 2.x line of the bundled fe tool. Change "^2.1.0" to "^1" and
// run `fe d` again: fe switches versions without any install step.
export default {
  fe: "^2.1.0",
  dev: { port: 5173, root: "public" },
};
