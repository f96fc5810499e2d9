// PostgreSQL for tests and backups: install check (apt when missing and root, as scripts/redis.mjs
// does for Redis) and one throwaway cluster as a child process on loopback. Used by the
// tests/pg-*.test.ts suites, tests/backup-pg.test.ts and scripts/backup-pg.mjs (for the binaries).
// Self-contained (node: modules only), so tests can import it as it is.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { aptInstall, runService } from "./service.mjs";

export { freePort } from "./service.mjs";

/** The newest Debian PostgreSQL bin folder (/usr/lib/postgresql/<major>/bin) holding `program`, or null. */
export function postgresBinDir(program = "initdb") {
  const base = "/usr/lib/postgresql";
  const majors = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(base, name, "bin", program)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return majors.length ? path.join(base, majors[0], "bin") : null;
}

/**
 * The path of one PostgreSQL program (initdb, postgres, pg_dump, pg_restore, psql…), from the
 * newest version that has it (a host with only postgresql-client has pg_dump but no initdb).
 * Debian's /usr/bin/pg_dump is a wrapper that picks a version per local cluster; a dump must be
 * made by a pg_dump at least as new as the server, so the versioned binary is used.
 */
export function postgresBin(name) {
  const dir = postgresBinDir(name);
  if (!dir) throw new Error(`PostgreSQL's ${name} is not installed (apt-get install postgresql, or postgresql-client for backups)`);
  return path.join(dir, name);
}

/** Makes sure PostgreSQL is installed: apt-get when missing and root, else says what to run. */
export function ensurePostgres() {
  if (postgresBinDir()) return;
  aptInstall(["postgresql"], "PostgreSQL (initdb, postgres, pg_dump, pg_restore)");
  if (!postgresBinDir()) throw new Error("postgresql was installed but /usr/lib/postgresql/<version>/bin/initdb is missing.");
}

// initdb and postgres refuse to run as root: as root, the cluster belongs to the `postgres` user
// (which the Debian package creates) and its programs run with that uid.
function clusterOwner() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const [uid, gid] = [id("-u"), id("-g")];
  if (uid.status !== 0 || gid.status !== 0) throw new Error("running as root, but there is no `postgres` user to own the cluster (install postgresql)");
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL program to completion as the cluster owner; throws with its output on failure. */
function runAs(owner, program, args) {
  const result = spawnSync(postgresBin(program), args, { ...owner, encoding: "utf8", cwd: "/" });
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${(result.stderr || result.stdout || "").trim()}`);
  return result.stdout;
}

/** True once the server accepts connections on 127.0.0.1:port. */
function ready(port) {
  return new Promise((resolve) => {
    const child = spawn(postgresBin("pg_isready"), ["-q", "-h", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1:`port`: initdb into a new temp folder (owned
 * by `postgres` when we are root), the server as a child process with its socket in that folder
 * and durability switched off (fsync, full-page writes: a test cluster is never kept), then a
 * role `user` with a random password owning a new database `database`. Resolves
 * `{ url, adminUrl, port, stop() }` once it answers: `url` is the role's connection string,
 * `adminUrl` the superuser's (over the socket, trusted). `stop()` ends it and removes the folder.
 * With `keepIn`, the cluster lives in that folder instead, durably, and is reused by the next
 * call with the same folder (its role's password kept beside it); `stop()` leaves it there.
 */
export async function startPostgres({ port, database = "masthead", user = "masthead", keepIn = null, log = () => {} }) {
  if (!/^[a-z_][a-z0-9_]*$/.test(database) || !/^[a-z_][a-z0-9_]*$/.test(user)) throw new Error("database and user must be plain lower-case identifiers");
  const owner = clusterOwner();
  // `keepIn`: a folder that keeps the cluster between runs (`npm run start:cluster`): made on
  // the first run, started again as it is on the next ones, never removed here.
  const dir = keepIn ?? fs.mkdtempSync(path.join(os.tmpdir(), "masthead-pg-"));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, "data");
  const passwordFile = path.join(dir, "password");
  const fresh = !fs.existsSync(path.join(data, "PG_VERSION"));
  const removeDir = () => (keepIn ? undefined : fs.rmSync(dir, { recursive: true, force: true }));
  if (fresh) {
    try {
      // Host connections need the password (as in production); the socket, in this private
      // folder, is trusted so that the setup below and tests can act as the superuser.
      runAs(owner, "initdb", ["-D", data, "-U", "postgres", "-E", "UTF8", "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]);
    } catch (error) {
      fs.rmSync(keepIn ? data : dir, { recursive: true, force: true });
      throw error;
    }
  }

  // A throwaway cluster is never kept, so durability is switched off; a kept one keeps it.
  const durability = keepIn ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"];
  const args = ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", ...durability];
  // "Fast" shutdown on SIGINT: ends open sessions, then exits.
  const { child, exited, stop, ready: answered } = runService({
    command: postgresBin("postgres"),
    args,
    spawnOptions: { ...owner, cwd: "/" },
    log,
    stopSignal: "SIGINT",
    graceMs: 15_000,
    cleanup: removeDir,
  });
  await answered(() => ready(port), { what: "postgres" });

  let password;
  if (fresh || !fs.existsSync(passwordFile)) {
    password = crypto.randomBytes(18).toString("hex");
    try {
      const psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", String(port), "-U", "postgres", "-d", "postgres"];
      runAs(owner, "psql", [...psql, "-c", `CREATE ROLE ${user} LOGIN PASSWORD '${password}'`, "-c", `CREATE DATABASE ${database} OWNER ${user}`]);
      if (keepIn) fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    } catch (error) {
      await stop();
      throw error;
    }
  } else {
    password = fs.readFileSync(passwordFile, "utf8").trim();
  }
  return {
    port,
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://postgres@/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    socketDir: dir,
    stop,
    child,
    exited,
  };
}
