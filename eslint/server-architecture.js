// The server's module rules (issue #12), checked by import-x/no-restricted-paths:
// 1. folders depend one way, in the order of LAYERS below: a folder imports only folders listed
//    before it, so no two folders can import each other, directly or in a loop. Within that order:
//    `auth/` imports no feature, master data never imports the event store, writes never import
//    the read side, and no module imports the read side's ends (READ_ENDS), not even another
//    read-side one;
// 2. no deep imports: another module is used through what it exposes (PUBLIC).
// Today's known violations are listed in ./baseline.js; anything else fails `npm run lint`.

/** Everything a module may import comes earlier in this list. */
export const LAYERS = [
  // Infrastructure, importable from everywhere; imports no module.
  'config',
  'database',
  'common',
  'mail',
  // The event store's read rules (what stands, shipments and receipts, lineage): below the access
  // guard and every feature that reads events.
  'records',
  // Who is acting and what they may do: imports no feature.
  'auth',
  'audit',
  // The transparency log: every writer queues its records in it, and reads nothing of theirs.
  'transparency',
  'attachments',
  // Master data.
  'businesses',
  'products',
  'locations',
  'scans',
  // A batch as stored and the identity it carries: below the event store, which makes and reads
  // batch rows as events come in, and below batches/, which registers them through it.
  'batch-store',
  // The event store and the ways events come in: batches/ registers a batch by capturing its
  // commissioning event.
  'events',
  'batches',
  'epcis',
  'shipments',
  'imports',
  // Other writes.
  'notifications',
  'webhooks',
  // Standing EPCIS queries: named queries' subscriptions, delivered as webhooks are.
  'subscriptions',
  'members',
  'api-keys',
  'admin',
  'recalls',
  'flags',
  'labels',
  'qr',
  // The read side: imports the others, imported by none of them.
  'trace',
  'search',
  'dashboard',
  'scorecard',
  'reports',
  'exports',
  'public-view',
  'web-app',
  'resolver',
  'health',
];

const INFRASTRUCTURE = ['config', 'database', 'common', 'mail'];
const MASTER_DATA = ['businesses', 'products', 'locations'];
const EVENT_STORE = ['events', 'epcis'];
const READ_SIDE = LAYERS.slice(LAYERS.indexOf('trace'));
/** The read side but the consumer's pages (public-view/, composed by web-app/ and the resolver). */
const READ_ENDS = READ_SIDE.filter((folder) => !['public-view', 'web-app'].includes(folder));

/**
 * What a module lets others import besides its `*.module.ts` and `*.service.ts`: the pieces every
 * module uses. Entities may import other entities (TypeORM relations). Infrastructure folders are
 * open.
 */
const PUBLIC = {
  auth: [
    'access-rule.ts',
    'current-actor.decorator.ts',
    'principal.ts',
    'tenancy.policy.ts',
    // Passwords are hashed one way, whoever sets them (sign-up, an administrator, an invitation).
    'password.ts',
    // The API key's format: api-keys/ issues what the authenticator checks.
    'api-key-secret.ts',
    // A business's status, which businesses/' claim rules and imports/ read as the access guard does.
    'business-status.queries.ts',
    // The audit trail as auth/ writes to it, which audit/ provides (it comes after auth/).
    'account-audit.ts',
    // The bearer credential check, which WebSocket handshakes (outside the access guard) pass too,
    // and a principal as it stands now, for work done later on its behalf (subscriptions).
    'authenticator.ts',
  ],
  audit: ['audit-trail.ts'],
  // How writers queue their records for the log.
  transparency: ['log-submissions.ts'],
  // An attachment as the API shows it, which products show their images as.
  attachments: ['attachment.mapper.ts'],
  businesses: [
    // A business's claims on GTINs and GLNs, which products and events check in their own transactions.
    'business-claims.ts',
    // The certificate's request body, which a product's certificate routes take as a business's do.
    'dto/create-certificate.dto.ts',
    // The prefixes a business holds, which EPCIS capture checks an event's GTINs against.
    'business-claims.queries.ts',
    // Businesses as stored, which events read in their transaction for the parties they name.
    'business.entity.ts',
  ],
  'batch-store': [
    // A batch's short code and the identity its QR code holds, which events, labels, codes,
    // recalls and the consumer's pages use alike.
    'batch-identity.ts',
    // Batches as stored, which the event store creates and reads as events come in.
    'batch.entity.ts',
    // A batch with its product, or BATCH_NOT_FOUND, which the event store's use cases and
    // batches/' views look up alike.
    'find-batch.ts',
  ],
  batches: [
    // Scans by Vietnamese calendar day, which a batch's page and its business's dashboard count alike.
    'batch-scans.queries.ts',
  ],
  // Products and locations as stored, which events look up in their transaction (by id, GTIN, GLN).
  products: ['product.entity.ts'],
  locations: ['location.entity.ts'],
  events: [
    // The portal's EPCIS vocabulary and event shapes, which every module writing or showing events
    // uses (EPCIS documents, exports, recalls, shipments, the consumer's pages).
    'epcis-event.builder.ts',
    'portal-extensions.ts',
    // An event's hash id by Node's native SHA-256, which every module naming an event by it uses.
    'event-hash-id.ts',
    // How the event store indexes identifiers, which EPCIS queries look events up by.
    'event-identifiers.ts',
    // EventCapture, which EventsModule exports: the one path events come in by (EPCIS, recalls).
    'event-capture.ts',
    // PortalCapture, which EventsModule exports: that path as the portal's forms take it, and the
    // batch rows they make, which registering a batch (batches/) writes its rows and event through.
    'portal-capture.ts',
    // An event as the API shows it, for EPCIS capture's answer.
    'event.mapper.ts',
    // Request contracts: a batch's registration (its commissioning event's time and place, its lot
    // fields), which batches/' route and imports' rows take, and a stage, which shipments'
    // receipts take as events' routes do.
    'dto/create-batch.dto.ts',
    'dto/record-stage.dto.ts',
  ],
  epcis: [
    // EPCIS documents as the query interface writes them (JSON-LD or XML, EPCs in the format
    // asked), which exports offer too.
    'query-document.ts',
    'epc-format.ts',
    'xml/epcis-xml-writer.ts',
    // What subscriptions to named queries take from the query interface: its paging, its headers
    // and problem types, a named query's checked definition, and the notice of a deleted one.
    'epcis-query.page-token.ts',
    'epcis-headers.interceptor.ts',
    'epcis-problems.ts',
    'stored-query.ts',
    'named-queries.queries.ts',
    'dto/query-page.dto.ts',
  ],
  mail: ['mailer.ts', 'compose-mail.ts', 'mail-token.ts'],
  // SpaShell, which WebAppModule exports: the resolver sends the web app's page to a browser it cannot answer.
  'web-app': ['spa-shell.ts'],
  // The same rules as SQL, for other modules' set-based queries.
  records: ['records.sql.ts'],
};

/** Files that assemble the application and may import anything: they are not checked here. */
export const COMPOSITION_ROOTS = [
  'server/src/*.ts',
  'server/src/cli/**',
  'server/src/bench/**',
  'server/src/database/data-source.ts',
  'server/src/database/seed/**',
];

const src = (folder) => `server/src/${folder}`;

/** A folder's files, without the composition roots inside it. */
const filesOf = (folder) => (folder === 'database' ? [src('database/!(data-source).ts'), src('database/!(seed)/**')] : [src(folder)]);

const readEndMessage = (end) => `${end}/ ends the read side: no module imports it.`;

function layerMessage(from, to) {
  if (from === 'auth') return 'auth/ imports no feature module.';
  if (MASTER_DATA.includes(from) && EVENT_STORE.includes(to)) return 'Master data never imports the event store.';
  if (!READ_SIDE.includes(from) && READ_SIDE.includes(to)) return 'Writes never import the read side.';
  if (READ_ENDS.includes(to)) return readEndMessage(to);
  return `Folders depend one way (no cycles): ${from}/ comes before ${to}/ in LAYERS (eslint/server-architecture.js).`;
}

/** Zones, each with an id that the baseline names. */
export function serverZones() {
  const zones = [];
  LAYERS.forEach((from, index) => {
    for (const to of LAYERS.slice(index + 1)) {
      zones.push({
        id: `layers:${to}`,
        target: filesOf(from),
        from: src(to),
        message: `[layers:${to}] ${layerMessage(from, to)}`,
      });
    }
  });
  // The folders after a read end, which the order alone would let import it.
  for (const end of READ_ENDS) {
    const later = LAYERS.slice(LAYERS.indexOf(end) + 1);
    if (later.length) {
      zones.push({
        id: `layers:${end}`,
        target: later.flatMap(filesOf),
        from: src(end),
        message: `[layers:${end}] ${readEndMessage(end)}`,
      });
    }
  }
  for (const module of LAYERS.filter((folder) => !INFRASTRUCTURE.includes(folder))) {
    const others = `!(${module}|cli|bench|database)`;
    const exposed = ['**/*.module.ts', '**/*.service.ts', ...(PUBLIC[module] ?? []).map((file) => `**/${src(module)}/${file}`)];
    const message = `[deep:${module}] Use what ${module}/ exposes (its *.module.ts and *.service.ts${
      PUBLIC[module] ? `, ${PUBLIC[module].join(', ')}` : ''
    }), not its internals.`;
    zones.push(
      { id: `deep:${module}`, target: src(`${others}/**/!(*.entity).ts`), from: src(`${module}/**`), except: exposed, message },
      {
        id: `deep:${module}`,
        target: src(`${others}/**/*.entity.ts`),
        from: src(`${module}/**`),
        except: [...exposed, '**/*.entity.ts'],
        message,
      },
    );
  }
  return zones;
}
