// Medusa's loaders require .ts sources (medusa-config.ts, plugins' src) through ts-node; vitest alone
// does not hook require(). Force CommonJS output whatever tsconfig sits next to the caller.
require("ts-node").register({
  transpileOnly: true,
  swc: true,
  compilerOptions: { module: "commonjs", moduleResolution: "node" },
})
