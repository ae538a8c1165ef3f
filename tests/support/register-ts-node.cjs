// Medusa's loaders require .ts sources through ts-node; vitest alone does not hook require().
require("ts-node").register({ transpileOnly: true, swc: true })
