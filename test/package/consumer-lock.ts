/**
 * A consumer project that depends on the packed tarball, with a lock file, so `npm ci
 * --offline` installs it from the npm cache alone. `npm install <tarball> --offline` would
 * need the registry's package documents, which `npm ci` in this repository never caches;
 * the tarballs of the package's dependencies it does cache, and the lock names them: the
 * repository's own lock entries that are not development-only are exactly the installed
 * package's dependency tree.
 */
interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}
interface Lock {
  packages: Record<string, LockEntry>;
}
interface Manifest {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

export function consumerProject(repositoryLock: Lock, manifest: Manifest, tarball: string): { packageJson: object; packageLock: object } {
  const source = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'consumer', dependencies: { [manifest.name]: source } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version, resolved: source, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(repositoryLock.packages)) {
    if (path !== '' && entry.dev !== true) packages[path] = entry;
  }
  return {
    packageJson: { name: 'consumer', private: true, type: 'module', dependencies: { [manifest.name]: source } },
    packageLock: { name: 'consumer', lockfileVersion: 3, requires: true, packages },
  };
}
