/**
 * Realistic Latin American contacts for the records benchmarks: Spanish first
 * names (one or two), two surnames, e-mails derived from them, phones with
 * the country's prefix, cities with their region and country, campaign lists
 * and dispositions. Name and city choices are skewed (a few are common, most
 * are rare), as in a real contact-center base.
 *
 * `contactRows` makes them in JavaScript (for the API and COPY); `loadContacts`
 * streams 1,000,000 of them into a table with COPY. When the real extracts of
 * Buenos Aires' "Línea 147" contact centre are found (BENCH_CONTACT_DATA,
 * default ../shared/data/ba147 beside the repository), a fifth of the contacts
 * take a real address, neighbourhood, channel and subject from them;
 * without them every value is synthetic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { copyInto, copyTextChunks } from './copy-rows';

export const FEMALE_NAMES = [
  'María',
  'Ana',
  'Luisa',
  'Carmen',
  'Laura',
  'Sofía',
  'Valentina',
  'Isabella',
  'Camila',
  'Daniela',
  'Gabriela',
  'Paula',
  'Andrea',
  'Natalia',
  'Carolina',
  'Juliana',
  'Mariana',
  'Alejandra',
  'Diana',
  'Sandra',
  'Patricia',
  'Claudia',
  'Martha',
  'Gloria',
  'Lucía',
  'Elena',
  'Rosa',
  'Teresa',
  'Adriana',
  'Liliana',
  'Marcela',
  'Ximena',
  'Lorena',
  'Catalina',
  'Angélica',
  'Verónica',
  'Mónica',
  'Beatriz',
  'Yolanda',
  'Fernanda',
  'Guadalupe',
  'Karla',
  'Jimena',
  'Renata',
  'Regina',
  'Valeria',
  'Antonella',
  'Florencia',
  'Agustina',
  'Milagros',
  'Rocío',
  'Pilar',
  'Esperanza',
  'Consuelo',
  'Nubia',
  'Yesenia',
  'Yuliana',
  'Leidy',
  'Érika',
  'Tatiana',
  'Viviana',
  'Johanna',
  'Estefanía',
  'Manuela',
  'Salomé',
  'Emilia',
  'Josefina',
  'Inés',
  'Dolores',
  'Silvia',
  'Susana',
  'Margarita',
  'Olga',
  'Blanca',
  'Amparo',
  'Luz Marina',
  'Nelly',
  'Yaneth',
  'Maribel',
  'Itzel',
];

export const MALE_NAMES = [
  'José',
  'Juan',
  'Carlos',
  'Luis',
  'Jorge',
  'Andrés',
  'Miguel',
  'Pedro',
  'Diego',
  'Santiago',
  'Sebastián',
  'Mateo',
  'Nicolás',
  'Alejandro',
  'Daniel',
  'David',
  'Javier',
  'Fernando',
  'Ricardo',
  'Eduardo',
  'Manuel',
  'Francisco',
  'Antonio',
  'Rafael',
  'Gabriel',
  'Julián',
  'Camilo',
  'Felipe',
  'Esteban',
  'Héctor',
  'Óscar',
  'Raúl',
  'Sergio',
  'Mauricio',
  'Hernán',
  'Gustavo',
  'Jaime',
  'Álvaro',
  'Iván',
  'Rodrigo',
  'Gonzalo',
  'Martín',
  'Tomás',
  'Emiliano',
  'Joaquín',
  'Ignacio',
  'Fabián',
  'Wilson',
  'Jhon',
  'Yeison',
  'Brayan',
  'Edwin',
  'Hugo',
  'Arturo',
  'Enrique',
  'Alberto',
  'Ramón',
  'Ernesto',
  'Germán',
  'Omar',
  'Cristian',
  'Kevin',
  'Samuel',
  'Emmanuel',
  'Leonardo',
  'Guillermo',
  'Orlando',
  'Rubén',
  'Alfonso',
  'Marco',
  'Ulises',
  'Efraín',
];

export const SURNAMES = [
  'García',
  'Rodríguez',
  'Martínez',
  'López',
  'González',
  'Hernández',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Gómez',
  'Díaz',
  'Cruz',
  'Morales',
  'Reyes',
  'Gutiérrez',
  'Ortiz',
  'Jiménez',
  'Ruiz',
  'Vargas',
  'Castro',
  'Romero',
  'Álvarez',
  'Mendoza',
  'Moreno',
  'Herrera',
  'Medina',
  'Aguilar',
  'Castillo',
  'Vásquez',
  'Rojas',
  'Guerrero',
  'Muñoz',
  'Ramos',
  'Chávez',
  'Ríos',
  'Salazar',
  'Mejía',
  'Cárdenas',
  'Restrepo',
  'Ospina',
  'Londoño',
  'Zapata',
  'Quintero',
  'Cortés',
  'Valencia',
  'Arango',
  'Giraldo',
  'Cardona',
  'Osorio',
  'Marín',
  'Suárez',
  'Parra',
  'Ortega',
  'Delgado',
  'Peña',
  'Vega',
  'Núñez',
  'Silva',
  'Rincón',
  'Acosta',
  'Fuentes',
  'Navarro',
  'Cabrera',
  'Molina',
  'Campos',
  'Sandoval',
  'Escobar',
  'Bustamante',
  'Figueroa',
  'Paredes',
  'Quispe',
  'Mamani',
  'Huamán',
  'Villanueva',
  'Espinoza',
  'Benítez',
  'Aguirre',
  'Pineda',
  'Carrillo',
  'Ibarra',
  'Montoya',
  'Betancur',
  'Henao',
  'Duque',
  'Echeverri',
  'Beltrán',
  'Becerra',
  'Cáceres',
  'Ponce',
  'Palacios',
  'Velásquez',
  'Patiño',
  'Salcedo',
  'Bermúdez',
  'Cuéllar',
  'Lozano',
  'Prieto',
  'Rubio',
  'Serrano',
  'Soto',
  'Contreras',
  'Fajardo',
  'Galindo',
  'Pacheco',
  'Tapia',
  'Varela',
  'Zambrano',
  'Urrego',
  'Gaviria',
  'Uribe',
  'Jaramillo',
  'Builes',
  'Tobón',
  'Agudelo',
  'Villegas',
];

/** City, region, country, phone prefix: the most frequent first. */
export const CITIES: [string, string, string, string][] = [
  ['Bogotá', 'Bogotá D.C.', 'Colombia', '+57'],
  ['Medellín', 'Antioquia', 'Colombia', '+57'],
  ['Ciudad de México', 'CDMX', 'México', '+52'],
  ['Cali', 'Valle del Cauca', 'Colombia', '+57'],
  ['Lima', 'Lima', 'Perú', '+51'],
  ['Barranquilla', 'Atlántico', 'Colombia', '+57'],
  ['Guadalajara', 'Jalisco', 'México', '+52'],
  ['Santiago', 'Región Metropolitana', 'Chile', '+56'],
  ['Buenos Aires', 'CABA', 'Argentina', '+54'],
  ['Monterrey', 'Nuevo León', 'México', '+52'],
  ['Cartagena', 'Bolívar', 'Colombia', '+57'],
  ['Bucaramanga', 'Santander', 'Colombia', '+57'],
  ['Quito', 'Pichincha', 'Ecuador', '+593'],
  ['Guayaquil', 'Guayas', 'Ecuador', '+593'],
  ['Pereira', 'Risaralda', 'Colombia', '+57'],
  ['Puebla', 'Puebla', 'México', '+52'],
  ['Arequipa', 'Arequipa', 'Perú', '+51'],
  ['Córdoba', 'Córdoba', 'Argentina', '+54'],
  ['Santo Domingo', 'Distrito Nacional', 'República Dominicana', '+1 809'],
  ['San José', 'San José', 'Costa Rica', '+506'],
  ['Ciudad de Panamá', 'Panamá', 'Panamá', '+507'],
  ['Montevideo', 'Montevideo', 'Uruguay', '+598'],
  ['Manizales', 'Caldas', 'Colombia', '+57'],
  ['Cúcuta', 'Norte de Santander', 'Colombia', '+57'],
];

export const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'yahoo.es', 'live.com', 'icloud.com', 'une.net.co', 'correo.com.mx', 'empresa.com.co'];
export const DOCUMENT_TYPES = ['cc', 'cc', 'cc', 'cc', 'ce', 'nit', 'pasaporte', 'ti', 'otro'];
export const CHANNELS = ['telefono', 'whatsapp', 'whatsapp', 'correo', 'sms'];
export const ORIGINS = ['llamada_entrante', 'campana', 'web', 'whatsapp', 'redes_sociales', 'referido', 'evento', 'importacion', 'otro'];
export const JOBS = [
  'Gerente',
  'Analista',
  'Asesor comercial',
  'Coordinadora de cuentas',
  'Jefe de compras',
  'Auxiliar contable',
  'Independiente',
  'Estudiante',
  'Docente',
  'Ingeniero de sistemas',
  'Administradora',
  'Contador',
  'Médica',
  'Abogado',
  'Pensionado',
  'Comerciante',
];
export const AREAS = ['Ventas', 'Compras', 'Finanzas', 'Tecnología', 'Recursos humanos', 'Operaciones', 'Servicio al cliente', 'Logística', 'Gerencia'];
export const LISTS = [
  'Base renovación 2026-01',
  'Base renovación 2026-02',
  'Campaña portabilidad Q3',
  'Campaña cartera vencida',
  'Referidos clientes',
  'Feria Expo 2026',
  'Formulario web',
  'Base fría compra externa',
  'Clientes inactivos 2025',
];
export const DISPOSITIONS = [
  'Contactado - Interesado',
  'Contactado - No interesado',
  'No contesta',
  'Buzón de voz',
  'Número equivocado',
  'Volver a llamar',
  'Venta cerrada',
  'Promesa de pago',
  'Solicita información por correo',
];
export const STREETS = ['Calle', 'Carrera', 'Avenida', 'Transversal', 'Diagonal', 'Av.'];
export const NOTES = [
  'Prefiere que lo llamen en la tarde.',
  'Cliente solicita información de planes empresariales.',
  'Se envió cotización por correo, pendiente respuesta.',
  'Tiene un caso abierto por facturación.',
  'Contactar solo por WhatsApp.',
];

/** The columns the generators fill (every writable field of the catalog's contactos except lookups and users). */
export const CONTACT_COLUMNS = [
  'nombre',
  'apellido',
  'tipo_documento',
  'documento',
  'fecha_nacimiento',
  'genero',
  'email',
  'telefono',
  'movil',
  'whatsapp',
  'extension',
  'canal_preferido',
  'cargo',
  'area',
  'direccion',
  'ciudad',
  'region',
  'pais',
  'codigo_postal',
  'origen',
  'lista',
  'tipificacion',
  'autoriza_datos',
  'no_contactar',
  'descripcion',
] as const;

export type ContactRow = Record<(typeof CONTACT_COLUMNS)[number], string | boolean | null>;

const ACCENTS = 'áéíóúÁÉÍÓÚñÑüÜ';
const PLAIN = 'aeiouAEIOUnNuU';

/** Where the real contact-centre extracts are read from (see `realContacts`). */
export const CONTACT_DATA_ENV = 'BENCH_CONTACT_DATA';
/** Default: the team's shared data folder beside the repository; absent on a clean checkout, then rows are all synthetic. */
export const DEFAULT_CONTACT_DATA = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'ba147');

/** One real contact of Buenos Aires' "Línea 147" (where, how, what about); it holds no names. */
export interface RealContact {
  barrio: string;
  street: string;
  channel: string;
  subject: string;
}

const CHANNEL_OF: Record<string, [canal: string, origen: string]> = {
  'GCS Web': ['correo', 'web'],
  'App BA 147': ['whatsapp', 'web'],
  'App Denuncia Vial': ['whatsapp', 'web'],
  Boti: ['whatsapp', 'whatsapp'],
  'Operador UGIS': ['telefono', 'llamada_entrante'],
  'Call Center': ['telefono', 'llamada_entrante'],
  'Mail 147': ['correo', 'web'],
};

let realCache: RealContact[] | null | undefined;

/**
 * The rows of the semicolon-separated extracts in BENCH_CONTACT_DATA (default
 * DEFAULT_CONTACT_DATA) that have an address; null when the folder or its
 * CSV files are absent (the generators then stay fully synthetic).
 */
export function realContacts(): RealContact[] | null {
  if (realCache !== undefined) return realCache;
  const dir = process.env[CONTACT_DATA_ENV]?.trim() || DEFAULT_CONTACT_DATA;
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .sort()
    : [];
  const out: RealContact[] = [];
  for (const file of files) {
    const [header, ...lines] = readFileSync(join(dir, file), 'utf8').split(/\r?\n/);
    const col = Object.fromEntries(header.split(';').map((name, i) => [name, i]));
    for (const line of lines) {
      const cells = line.split(';');
      const barrio = cells[col.domicilio_barrio]?.trim();
      const street = cells[col.domiclio_calle ?? col.domicilio_calle]?.trim();
      if (!barrio || !street) continue;
      const altura = cells[col.domicilio_altura]?.trim();
      out.push({
        barrio: titleCase(barrio),
        street: `${titleCase(street)}${altura ? ` ${altura}` : ''}`,
        channel: cells[col.canal]?.trim() ?? '',
        subject: `${titleCase(cells[col.tipo_prestacion] ?? '')}: ${(cells[col.prestacion] ?? '').trim().toLowerCase()}`,
      });
    }
  }
  realCache = out.length ? out : null;
  return realCache;
}

const titleCase = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/(^|[\s(])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());

/** Columns the bulk loader fills: the contact's fields plus creation / update times and the last activity (a read-only field). */
/** Share of generated contacts that take a real contact's address, channel and subject when the extracts are present. */
export const REAL_SHARE = 0.2;

export const LOAD_COLUMNS = ['created_at', 'updated_at', ...CONTACT_COLUMNS, 'ultima_actividad'] as const;

/** `count` rows for LOAD_COLUMNS starting at `offset`: contactRows plus seeded timestamps over the last three years. */
export function loadRows(count: number, offset: number, now = Date.now()): Record<string, unknown>[] {
  const random = seededRandom(9_000_001 + offset);
  return contactRows(count, 1_000 + offset, offset).map((row) => {
    const created = now - Math.floor(random() * 1100 * 86_400_000);
    const updated = Math.min(now, created + Math.floor(random() * 200 * 86_400_000));
    const rAct = random();
    return {
      created_at: new Date(created).toISOString(),
      updated_at: new Date(updated).toISOString(),
      ...row,
      ultima_actividad: rAct < 0.9 ? new Date(now - Math.floor(rAct * 800 * 86_400_000)).toISOString() : null,
    };
  });
}

/**
 * Loads `count` contacts the fast way: drops the table's secondary indexes,
 * streams the rows (generated in chunks in Node) with COPY, rebuilds the very
 * same indexes (their CREATE statements read from pg_indexes), then VACUUM
 * ANALYZE so autovacuum does not wake up during the measurements. Returns the
 * seconds each phase took.
 */
export async function loadContacts(pool: Pool, schema: string, table: string, count: number, onProgress?: (message: string) => void) {
  const client: PoolClient = await pool.connect();
  const timings: Record<string, number> = {};
  try {
    let t = Date.now();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET synchronous_commit = off`);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = $1 AND i.tablename = $2
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
      [schema, table],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${schema}"."${index.indexname}"`);
    const chunk = 50_000;
    const now = Date.now();
    let generated = 0;
    function* chunks(): Generator<Buffer> {
      for (let first = 0; first < count; first += chunk) {
        const rows = loadRows(Math.min(chunk, count - first), first, now);
        generated += rows.length;
        yield* copyTextChunks(rows, LOAD_COLUMNS, 5_000);
        if (generated % 250_000 === 0 || generated === count) onProgress?.(`copied ${generated.toLocaleString('en')} / ${count.toLocaleString('en')} rows`);
      }
    }
    const copied = await copyInto(client, schema, table, LOAD_COLUMNS, chunks());
    if (copied !== count) throw new Error(`COPY stored ${copied} rows of ${count}`);
    timings.copySeconds = (Date.now() - t) / 1000;
    t = Date.now();
    for (const index of indexes) {
      const start = Date.now();
      await client.query(index.indexdef);
      onProgress?.(`index ${index.indexname}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
    }
    timings.indexSeconds = (Date.now() - t) / 1000;
    t = Date.now();
    await client.query(`VACUUM (ANALYZE) "${schema}"."${table}"`);
    timings.vacuumAnalyzeSeconds = (Date.now() - t) / 1000;
    return { indexesRebuilt: indexes.length, realContacts: realContacts()?.length ?? 0, ...timings };
  } finally {
    client.release();
  }
}

/** A small seeded PRNG (mulberry32): the same rows every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plainText = (s: string) => s.toLowerCase().replace(/[áéíóúñü]/g, (c) => PLAIN[ACCENTS.indexOf(c)]);
const choose = <T>(list: readonly T[], r: number, skew = 1): T => list[Math.floor(Math.pow(r, skew) * list.length)];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `count` contacts as API input (field keys → values), same distribution as the SQL loader. */
export function contactRows(count: number, seed = 42, offset = 0): ContactRow[] {
  const random = seededRandom(seed);
  const real = realContacts();
  const rows: ContactRow[] = [];
  for (let k = 0; k < count; k++) {
    const g = offset + k + 1;
    const rGender = random();
    const female = rGender < 0.52 || (rGender >= 0.985 && rGender < 0.993);
    const firstNames = female ? FEMALE_NAMES : MALE_NAMES;
    const n1 = choose(firstNames, random(), 2.2);
    const n2 = choose(firstNames, random(), 1.5);
    const s1 = choose(SURNAMES, random(), 2.0);
    const s2 = choose(SURNAMES, random(), 2.0);
    const [city, region, country, prefix] = choose(CITIES, random(), 2.0);
    const docType = choose(DOCUMENT_TYPES, random());
    const rMail = random();
    const rPhone = random();
    const rJob = random();
    const rDisp = random();
    const rConsent = random();
    const rNote = random();
    const mobile = `${prefix} 3${pad(g % 100, 2)} ${pad((g * 37) % 1000, 3)} ${pad((g * 91) % 10000, 4)}`;
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 20000) * 86_400_000);
    rows.push({
      nombre: random() < 0.3 ? `${n1} ${n2}` : n1,
      apellido: `${s1} ${s2}`,
      tipo_documento: docType,
      documento:
        docType === 'nit'
          ? `${800000000 + (g % 199999999)}-${g % 10}`
          : docType === 'pasaporte'
            ? `${String.fromCharCode(65 + (g % 26))}${String.fromCharCode(65 + (Math.floor(g / 26) % 26))}${pad(g % 1000000, 6)}`
            : String(10000000 + ((g * 7919) % 1190000000)),
      fecha_nacimiento: birth.toISOString().slice(0, 10),
      genero: rGender < 0.52 ? 'femenino' : rGender < 0.985 ? 'masculino' : rGender < 0.993 ? 'no_binario' : 'no_informa',
      email: rMail < 0.12 ? null : `${plainText(n1.split(' ')[0])}${rMail < 0.5 ? '.' : '_'}${plainText(s1)}${g % 997}@${choose(DOMAINS, random(), 1.6)}`,
      telefono: rPhone < 0.55 ? `${prefix} 60${1 + (g % 9)} ${pad(g % 10000000, 7)}` : null,
      movil: mobile,
      whatsapp: rPhone < 0.7 ? mobile : null,
      extension: rPhone < 0.1 ? String(100 + (g % 900)) : null,
      canal_preferido: choose(CHANNELS, random()),
      cargo: rJob < 0.6 ? choose(JOBS, rJob / 0.6) : null,
      area: rJob < 0.4 ? choose(AREAS, rJob / 0.4) : null,
      direccion: `${choose(STREETS, random())} ${1 + (g % 180)} # ${1 + (Math.floor(g / 7) % 120)}-${1 + (Math.floor(g / 3) % 99)}`,
      ciudad: city,
      region,
      pais: country,
      codigo_postal: pad((g * 13) % 1000000, 6),
      origen: choose(ORIGINS, random(), 1.4),
      lista: choose(LISTS, random()),
      tipificacion: rDisp < 0.8 ? choose(DISPOSITIONS, rDisp / 0.8, 1.3) : null,
      autoriza_datos: rConsent < 0.7,
      no_contactar: rConsent > 0.97,
      descripcion: rNote < 0.15 ? choose(NOTES, rNote / 0.15) : null,
    });
    // A share of the base lives in Buenos Aires, with the address, channel and subject of a real "Línea 147" contact.
    if (real && random() < REAL_SHARE) {
      const contact = real[Math.floor(random() * real.length)];
      const row = rows[rows.length - 1];
      const [canal, origen] = CHANNEL_OF[contact.channel] ?? ['telefono', 'llamada_entrante'];
      Object.assign(row, {
        direccion: contact.street,
        ciudad: 'Buenos Aires',
        region: contact.barrio,
        pais: 'Argentina',
        codigo_postal: null,
        telefono: row.telefono === null ? null : `+54 11 ${pad(g % 10000, 4)} ${pad((g * 53) % 10000, 4)}`,
        movil: `+54 9 11 ${pad((g * 37) % 10000, 4)} ${pad((g * 91) % 10000, 4)}`,
        canal_preferido: canal,
        origen,
        descripcion: contact.subject,
      });
      if (row.whatsapp !== null) row.whatsapp = row.movil;
    }
  }
  return rows;
}

/** Search terms an agent types in the name box: whole first names, fragments, compound names, typos; seeded. */
export function searchTerms(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const names = [...FEMALE_NAMES, ...MALE_NAMES];
  const terms: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const name = choose(names, random(), 1.3);
    if (r < 0.55) terms.push(name);
    else if (r < 0.8) terms.push(plainText(name).slice(0, 3 + Math.floor(random() * 3)));
    else if (r < 0.92) terms.push(`${name} ${choose(names, random())}`);
    else terms.push(`${plainText(name).slice(0, 4)}x${plainText(name).slice(5, 7)}`);
  }
  return terms;
}
