// Copies the browser libraries the UI needs from node_modules into the Python package
// (src/strife/web/static/vendor), so that the package serves them offline and works without npm.
// Run by `make setup` when package-lock.json changes; the output is committed.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "strife", "web", "static", "vendor");

// [package, files inside the package, licence file]
const vendored = [
  ["leaflet", ["dist/leaflet.js", "dist/leaflet.css", "dist/images"], "LICENSE"],
  [
    "leaflet.markercluster",
    ["dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css"],
    "MIT-LICENCE.txt",
  ],
];

// Byte copies rather than cpSync, which would carry npm's executable bits into git.
function copy(source, dest) {
  if (statSync(source).isDirectory()) {
    mkdirSync(dest, { recursive: true });
    for (const entry of readdirSync(source)) copy(join(source, entry), join(dest, entry));
  } else {
    writeFileSync(dest, readFileSync(source));
  }
}

rmSync(out, { recursive: true, force: true });
const versions = [];
for (const [name, files, licence] of vendored) {
  const target = join(out, name);
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    const source = join(modules, name, file);
    const dest = join(target, file.replace(/^dist\//, ""));
    if (file.endsWith(".js")) {
      // The source maps are not shipped: drop the comment so browsers do not request them.
      const code = readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
      writeFileSync(dest, code);
    } else {
      copy(source, dest);
    }
  }
  copy(join(modules, name, licence), join(target, "LICENSE.txt"));
  const { version, license } = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  versions.push(`${name} ${version} (${license}), see ${name}/LICENSE.txt`);
}
// The Makefile compares this hash with web/package-lock.json to know when to rebuild.
const lock = createHash("sha256").update(readFileSync(join(here, "package-lock.json"))).digest("hex");
writeFileSync(
  join(out, "README.txt"),
  "Third-party browser libraries, copied from npm by web/build.mjs; do not edit.\n\n" +
    versions.join("\n") +
    `\n\nbuilt from web/package-lock.json sha256 ${lock}\n`,
);
console.log(`vendored into ${out}:\n  ${versions.join("\n  ")}`);
