// The `regie` command: serve, migrate, seed-demo, user add, token create, backup, restore.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openConfiguredDatabase, type Running, startRegie } from './app.js';
import { seedDemo } from './demo/seed.js';
import { systemClock } from './kernel/clock.js';
import { unsafeCreateApiTokenForEmail } from './modules/identity/index.js';
import { rebuildInsights } from './modules/insights/index.js';
import { unsafeAddUser } from './modules/organisation/index.js';
import { loadConfig, pgliteDir } from './platform/config.js';
import { DEMO_SEED_LOCK, exclusively } from './platform/db/advisory.js';
import { BackupRefused, backupPGlite, backupPostgres, restorePGlite, restorePostgres } from './platform/db/backup.js';
import type { Db } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';

const HELP = `regie — het platform voor de regisserende gemeente

  regie serve                      start de server (PORT, DATA_DIR, DATABASE_URL, SMTP_URL)
  regie migrate                    database bijwerken
  regie seed-demo                  demogemeenten aanmaken (als ze er nog niet zijn)
  regie user add --municipality voorbeeld --email e --name n --role director [--password p] [--department naam]
  regie token create --email e [--municipality voorbeeld] [--name naam]   persoonlijk API-token maken
  regie insights rebuild           sturingsinformatie opnieuw opbouwen uit het logboek (kan terwijl de server draait)
  regie backup <bestand> [--force]             back-up van de database (PGlite: server eerst stoppen;
                                               PostgreSQL met DATABASE_URL: terwijl Regie doordraait)
  regie restore <bestand> [--force]            back-up terugzetten in een lege database (DATABASE_URL) of lege datamap
                                               (DATA_DIR); --force overschrijft wat er staat
  regie restore <bestand> --data-dir map       PGlite-back-up terugzetten in een andere datamap

  Zie docs/operations.md voor back-ups, herstel en productie.
`;

async function main(argv: string[]) {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig();
  const deps = async () => {
    const db = await openConfiguredDatabase(config);
    await migrate(db);
    return { db, clock: systemClock, config };
  };
  switch (cmd) {
    case 'serve': {
      // Graceful shutdown: stop accepting, answer the requests in flight, let the jobs
      // finish their current work (no outbox row stays leased), close the database (for
      // PGlite: its lock file goes), exit 0. A second signal while stopping changes
      // nothing; a shutdown that hangs ends after 30 s with exit code 1, well before a
      // process manager gives up and kills.
      //
      // The handlers are there before anything starts: a signal while the database is
      // opened, migrated or seeded lets the step in progress finish (a migration is never
      // cut short), then stops the same way; the server never starts listening.
      let db: Db | undefined;
      let running: Running | undefined;
      let startup: Promise<void> = Promise.resolve();
      let stopping = false;
      const stop = async (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: Regie stopt …`);
        setTimeout(() => {
          console.error('Stoppen duurde te lang; Regie stopt nu.');
          process.exit(1);
        }, 30_000).unref();
        // A start that fails after the signal fails quietly: stopping was asked for.
        await startup.catch(() => {});
        try {
          await running?.close();
        } catch (err) {
          console.error('Stoppen mislukt:', err instanceof Error ? err.message : err);
          process.exitCode = 1;
        } finally {
          await db?.close().catch((err) => {
            console.error('Database sluiten mislukt:', err instanceof Error ? err.message : err);
            process.exitCode = 1;
          });
        }
        process.exit();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      console.log('Regie start …');
      startup = (async () => {
        db = await openConfiguredDatabase(config);
        if (stopping) return;
        running = await startRegie(config, db);
        if (stopping) return;
        // The demo is for a fresh database (and for one that already holds it); a
        // database with real municipalities never gets demo accounts. REGIE_DEMO=false
        // switches it off altogether.
        // Processes starting together on a fresh database decide one after the other.
        const open = db;
        const deps = running.deps;
        const seeded = await exclusively(open, DEMO_SEED_LOCK, async () => {
          const any = await open.unsafeAdmin.selectFrom('municipalities').select('slug').execute();
          const wantDemo = process.env.REGIE_DEMO !== 'false' && (any.length === 0 || any.some((m) => m.slug === 'voorbeeld'));
          return wantDemo ? await seedDemo(deps) : { logins: [] };
        });
        // The demo calls no outside service: address suggestions stay off unless
        // ADDRESS_SEARCH_URL is set; the intake takes the place in words (docs/geo.md).
        if (seeded.logins.length && !process.env.ADDRESS_SEARCH_URL) config.addressSearchUrl = null;
        if (stopping) return;
        await running.app.listen({ port: config.port, host: config.host });
        console.log(`Regie draait op ${config.publicUrl} (database: ${db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
        console.log(config.smtpUrl ? `Mail gaat via ${config.smtpUrl}` : `Mail wordt geschreven naar ${config.dataDir}/mail/`);
        printLogins(seeded.logins);
      })();
      try {
        await startup;
      } catch (err) {
        if (stopping) return; // stop() ends the process
        throw err;
      }
      return;
    }
    case 'migrate': {
      const d = await deps();
      console.log('Migraties uitgevoerd.');
      await d.db.close();
      return;
    }
    case 'insights': {
      if (sub !== 'rebuild') break;
      const d = await deps();
      const started = Date.now();
      const n = await rebuildInsights(d.db);
      console.log(`Sturingsinformatie opnieuw opgebouwd voor ${n} gemeente(n) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      await d.db.close();
      return;
    }
    case 'seed-demo': {
      const d = await deps();
      printLogins((await seedDemo(d)).logins);
      await d.db.close();
      return;
    }
    case 'user': {
      if (sub !== 'add') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          municipality: { type: 'string' },
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          password: { type: 'string' },
          department: { type: 'string' },
        },
      });
      if (!values.municipality || !values.email || !values.name || !values.role) throw new Error('--municipality, --email, --name en --role zijn verplicht');
      const d = await deps();
      const u = await unsafeAddUser(d, {
        municipalitySlug: values.municipality,
        email: values.email,
        name: values.name,
        role: values.role,
        password: values.password,
        departmentName: values.department,
      });
      console.log(`Gebruiker ${u.email} (${u.role}) aangemaakt in ${values.municipality}.`);
      await d.db.close();
      return;
    }
    case 'token': {
      if (sub !== 'create') break;
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, municipality: { type: 'string' } } });
      if (!values.email) throw new Error('--email is verplicht');
      const d = await deps();
      const t = await unsafeCreateApiTokenForEmail(d, { email: values.email, name: values.name ?? 'cli', municipality: values.municipality });
      console.log(t.token);
      await d.db.close();
      return;
    }
    case 'backup': {
      // docs/operations.md#backups
      const { values, positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, options: { force: { type: 'boolean' } } });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new BackupRefused('Gebruik: regie backup <bestand> [--force]');
      if (config.databaseUrl) {
        const header = await backupPostgres(config.databaseUrl, file, { force: values.force });
        const rows = header.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Back-up van PostgreSQL geschreven naar ${resolve(file)} (${header.tables.length} tabellen, ${rows} rijen).`);
        return;
      }
      const bytes = await backupPGlite(pgliteDir(config), file, { force: values.force });
      console.log(`Back-up van ${pgliteDir(config)} geschreven naar ${resolve(file)} (${bytes} bytes).`);
      return;
    }
    case 'restore': {
      // docs/operations.md#backups
      const { values, positionals } = parseArgs({
        args: argv.slice(1),
        allowPositionals: true,
        options: { force: { type: 'boolean' }, 'data-dir': { type: 'string' } },
      });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new BackupRefused('Gebruik: regie restore <bestand> [--data-dir map] [--force]');
      if (config.databaseUrl && !values['data-dir']) {
        const restored = await restorePostgres(file, config.databaseUrl, { force: values.force });
        console.log(`Back-up ${resolve(file)} teruggezet in PostgreSQL (${restored.tables.length} tabellen, ${restored.rows} rijen).`);
        return;
      }
      const target = values['data-dir'] ? join(resolve(values['data-dir']), 'pglite') : pgliteDir(config);
      const restored = await restorePGlite(file, target, { force: values.force });
      console.log(
        `Back-up ${resolve(file)} teruggezet in ${target} (${restored.municipalities} gemeente(n)). Start de server met DATA_DIR=${resolve(target, '..')}.`,
      );
      return;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return;
  }
  console.error(`Onbekende opdracht: ${argv.join(' ')}\n\n${HELP}`);
  process.exitCode = 2;
}

export function printLogins(logins: { municipality: string; role: string; email: string; password: string }[]) {
  if (!logins.length) return;
  console.log('\nDemo-logins (wachtwoord voor allen hieronder):');
  for (const l of logins) console.log(`  ${l.municipality.padEnd(22)} ${l.role.padEnd(12)} ${l.email}`);
  console.log(`  wachtwoord: ${logins[0]?.password}\n`);
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
