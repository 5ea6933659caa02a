// Locations inside the installed package, whether running from src/ (tsx, tests) or dist/.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("draht: package.json not found above the program files");
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();
export const WEB_ROOT = path.join(PACKAGE_ROOT, "dist", "web");
export const WIDGET_ROOT = path.join(PACKAGE_ROOT, "dist", "widget");
