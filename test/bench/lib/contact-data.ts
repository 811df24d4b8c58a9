/**
 * Realistic Latin American contacts for the records benchmarks: Spanish first
 * names (one or two), two surnames, e-mails derived from them, phones with
 * the country's prefix, cities with their region and country, campaign lists
 * and dispositions. Name and city choices are skewed (a few are common, most
 * are rare), as in a real contact-center base.
 *
 * Two generators with the same pools: `insertContactsSql` makes rows inside
 * Postgres (INSERT … SELECT generate_series, for the 1,000,000-row setups) and
 * `contactRows` makes the same kind of rows in JavaScript (for the API and COPY).
 */
import type { Pool, PoolClient } from 'pg';

export const FEMALE_NAMES = [
  'María', 'Ana', 'Luisa', 'Carmen', 'Laura', 'Sofía', 'Valentina', 'Isabella', 'Camila', 'Daniela', 'Gabriela', 'Paula',
  'Andrea', 'Natalia', 'Carolina', 'Juliana', 'Mariana', 'Alejandra', 'Diana', 'Sandra', 'Patricia', 'Claudia', 'Martha',
  'Gloria', 'Lucía', 'Elena', 'Rosa', 'Teresa', 'Adriana', 'Liliana', 'Marcela', 'Ximena', 'Lorena', 'Catalina', 'Angélica',
  'Verónica', 'Mónica', 'Beatriz', 'Yolanda', 'Fernanda', 'Guadalupe', 'Karla', 'Jimena', 'Renata', 'Regina', 'Valeria',
  'Antonella', 'Florencia', 'Agustina', 'Milagros', 'Rocío', 'Pilar', 'Esperanza', 'Consuelo', 'Nubia', 'Yesenia', 'Yuliana',
  'Leidy', 'Érika', 'Tatiana', 'Viviana', 'Johanna', 'Estefanía', 'Manuela', 'Salomé', 'Emilia', 'Josefina', 'Inés',
  'Dolores', 'Silvia', 'Susana', 'Margarita', 'Olga', 'Blanca', 'Amparo', 'Luz Marina', 'Nelly', 'Yaneth', 'Maribel', 'Itzel',
];

export const MALE_NAMES = [
  'José', 'Juan', 'Carlos', 'Luis', 'Jorge', 'Andrés', 'Miguel', 'Pedro', 'Diego', 'Santiago', 'Sebastián', 'Mateo', 'Nicolás',
  'Alejandro', 'Daniel', 'David', 'Javier', 'Fernando', 'Ricardo', 'Eduardo', 'Manuel', 'Francisco', 'Antonio', 'Rafael',
  'Gabriel', 'Julián', 'Camilo', 'Felipe', 'Esteban', 'Héctor', 'Óscar', 'Raúl', 'Sergio', 'Mauricio', 'Hernán', 'Gustavo',
  'Jaime', 'Álvaro', 'Iván', 'Rodrigo', 'Gonzalo', 'Martín', 'Tomás', 'Emiliano', 'Joaquín', 'Ignacio', 'Fabián', 'Wilson',
  'Jhon', 'Yeison', 'Brayan', 'Edwin', 'Hugo', 'Arturo', 'Enrique', 'Alberto', 'Ramón', 'Ernesto', 'Germán', 'Omar',
  'Cristian', 'Kevin', 'Samuel', 'Emmanuel', 'Leonardo', 'Guillermo', 'Orlando', 'Rubén', 'Alfonso', 'Marco', 'Ulises', 'Efraín',
];

export const SURNAMES = [
  'García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores',
  'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Jiménez', 'Ruiz', 'Vargas', 'Castro', 'Romero',
  'Álvarez', 'Mendoza', 'Moreno', 'Herrera', 'Medina', 'Aguilar', 'Castillo', 'Vásquez', 'Rojas', 'Guerrero', 'Muñoz', 'Ramos',
  'Chávez', 'Ríos', 'Salazar', 'Mejía', 'Cárdenas', 'Restrepo', 'Ospina', 'Londoño', 'Zapata', 'Quintero', 'Cortés', 'Valencia',
  'Arango', 'Giraldo', 'Cardona', 'Osorio', 'Marín', 'Suárez', 'Parra', 'Ortega', 'Delgado', 'Peña', 'Vega', 'Núñez', 'Silva',
  'Rincón', 'Acosta', 'Fuentes', 'Navarro', 'Cabrera', 'Molina', 'Campos', 'Sandoval', 'Escobar', 'Bustamante', 'Figueroa',
  'Paredes', 'Quispe', 'Mamani', 'Huamán', 'Villanueva', 'Espinoza', 'Benítez', 'Aguirre', 'Pineda', 'Carrillo', 'Ibarra',
  'Montoya', 'Betancur', 'Henao', 'Duque', 'Echeverri', 'Beltrán', 'Becerra', 'Cáceres', 'Ponce', 'Palacios', 'Velásquez',
  'Patiño', 'Salcedo', 'Bermúdez', 'Cuéllar', 'Lozano', 'Prieto', 'Rubio', 'Serrano', 'Soto', 'Contreras', 'Fajardo', 'Galindo',
  'Pacheco', 'Tapia', 'Varela', 'Zambrano', 'Urrego', 'Gaviria', 'Uribe', 'Jaramillo', 'Builes', 'Tobón', 'Agudelo', 'Villegas',
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
export const JOBS = ['Gerente', 'Analista', 'Asesor comercial', 'Coordinadora de cuentas', 'Jefe de compras', 'Auxiliar contable', 'Independiente',
  'Estudiante', 'Docente', 'Ingeniero de sistemas', 'Administradora', 'Contador', 'Médica', 'Abogado', 'Pensionado', 'Comerciante'];
export const AREAS = ['Ventas', 'Compras', 'Finanzas', 'Tecnología', 'Recursos humanos', 'Operaciones', 'Servicio al cliente', 'Logística', 'Gerencia'];
export const LISTS = ['Base renovación 2026-01', 'Base renovación 2026-02', 'Campaña portabilidad Q3', 'Campaña cartera vencida', 'Referidos clientes',
  'Feria Expo 2026', 'Formulario web', 'Base fría compra externa', 'Clientes inactivos 2025'];
export const DISPOSITIONS = ['Contactado - Interesado', 'Contactado - No interesado', 'No contesta', 'Buzón de voz', 'Número equivocado',
  'Volver a llamar', 'Venta cerrada', 'Promesa de pago', 'Solicita información por correo'];
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
  'nombre', 'apellido', 'tipo_documento', 'documento', 'fecha_nacimiento', 'genero', 'email', 'telefono', 'movil', 'whatsapp',
  'extension', 'canal_preferido', 'cargo', 'area', 'direccion', 'ciudad', 'region', 'pais', 'codigo_postal', 'origen', 'lista',
  'tipificacion', 'autoriza_datos', 'no_contactar', 'descripcion',
] as const;

export type ContactRow = Record<(typeof CONTACT_COLUMNS)[number], string | boolean | null>;

const ACCENTS = 'áéíóúÁÉÍÓÚñÑüÜ';
const PLAIN = 'aeiouAEIOUnNuU';

/** `arr[1 + floor(r^skew * n)]` in SQL: index into an array parameter with a skewed random number. */
const pick = (param: string, n: number, r: string, skew = 1) => `(${param})[1 + floor(power(${r}, ${skew}) * ${n})::int]`;

/**
 * INSERT … SELECT generate_series(first, last) into `schema.table`. Loading is
 * setup, so it runs in Postgres; `setseed` makes the data the same every run.
 */
export function insertContactsSql(schema: string, table: string): { sql: string; params: (first: number, last: number) => unknown[] } {
  const nF = FEMALE_NAMES.length;
  const nM = MALE_NAMES.length;
  const nS = SURNAMES.length;
  const nC = CITIES.length;
  // $1..$2 range, $3 female, $4 male, $5 surnames, $6 cities, $7 regions, $8 countries, $9 prefixes, $10 domains, $11 doc types,
  // $12 channels, $13 origins, $14 jobs, $15 areas, $16 lists, $17 dispositions, $18 streets, $19 notes
  const plain = (e: string) => `translate(lower(${e}), '${ACCENTS}', '${PLAIN}')`;
  const sql = `
    INSERT INTO "${schema}"."${table}" (created_at, updated_at, ${CONTACT_COLUMNS.join(', ')}, ultima_actividad)
    SELECT created_at, created_at + (r_upd * interval '200 days'),
      n1 || CASE WHEN r_second < 0.3 THEN ' ' || n2 ELSE '' END,
      s1 || ' ' || s2,
      doc_type,
      CASE doc_type WHEN 'nit' THEN (800000000 + g % 199999999)::text || '-' || (g % 10)::text
                    WHEN 'pasaporte' THEN chr(65 + g % 26) || chr(65 + (g / 26) % 26) || lpad((g % 1000000)::text, 6, '0')
                    ELSE (10000000 + (g::bigint * 7919) % 1190000000)::text END,
      date '1950-01-01' + floor(r_birth * 20000)::int,
      CASE WHEN r_gender < 0.52 THEN 'femenino' WHEN r_gender < 0.985 THEN 'masculino' WHEN r_gender < 0.993 THEN 'no_binario' ELSE 'no_informa' END,
      CASE WHEN r_mail < 0.12 THEN NULL
           ELSE ${plain('split_part(n1, \' \', 1)')} || CASE WHEN r_mail < 0.5 THEN '.' ELSE '_' END || ${plain('split_part(s1, \' \', 1)')}
                || (g % 997)::text || '@' || ${pick('$10::text[]', 10, 'r_dom', 1.6)} END,
      CASE WHEN r_phone < 0.55 THEN prefix || ' 60' || (1 + g % 9)::text || ' ' || lpad((g % 10000000)::text, 7, '0') ELSE NULL END,
      prefix || ' 3' || lpad((g % 100)::text, 2, '0') || ' ' || lpad(((g * 37) % 1000)::text, 3, '0') || ' ' || lpad(((g * 91) % 10000)::text, 4, '0'),
      CASE WHEN r_phone < 0.7 THEN prefix || ' 3' || lpad((g % 100)::text, 2, '0') || ' ' || lpad(((g * 37) % 1000)::text, 3, '0') || ' ' || lpad(((g * 91) % 10000)::text, 4, '0') ELSE NULL END,
      CASE WHEN r_phone < 0.1 THEN (100 + g % 900)::text ELSE NULL END,
      ${pick('$12::text[]', 5, 'r_chan')},
      CASE WHEN r_job < 0.6 THEN ${pick('$14::text[]', 16, 'r_job / 0.6')} ELSE NULL END,
      CASE WHEN r_job < 0.4 THEN ${pick('$15::text[]', 9, 'r_job / 0.4')} ELSE NULL END,
      ${pick('$18::text[]', 6, 'r_addr')} || ' ' || (1 + g % 180)::text || ' # ' || (1 + (g / 7) % 120)::text || '-' || (1 + (g / 3) % 99)::text,
      city, region, country,
      lpad(((g * 13) % 1000000)::text, 6, '0'),
      ${pick('$13::text[]', 9, 'r_orig', 1.4)},
      ${pick('$16::text[]', 9, 'r_list')},
      CASE WHEN r_disp < 0.8 THEN ${pick('$17::text[]', 9, 'r_disp / 0.8', 1.3)} ELSE NULL END,
      r_consent < 0.7,
      r_consent > 0.97,
      CASE WHEN r_note < 0.15 THEN ${pick('$19::text[]', 5, 'r_note / 0.15')} ELSE NULL END,
      CASE WHEN r_act < 0.9 THEN now() - r_act * interval '800 days' ELSE NULL END
    FROM (
      SELECT g, r_second, r_gender, r_mail, r_dom, r_phone, r_chan, r_job, r_addr, r_orig, r_list, r_disp, r_consent, r_note, r_act, r_birth, r_upd,
        doc_type, created_at,
        CASE WHEN r_gender < 0.52 OR (r_gender >= 0.985 AND r_gender < 0.993) THEN ${pick('$3::text[]', nF, 'r_n1', 2.2)} ELSE ${pick('$4::text[]', nM, 'r_n1', 2.2)} END AS n1,
        CASE WHEN r_gender < 0.52 OR (r_gender >= 0.985 AND r_gender < 0.993) THEN ${pick('$3::text[]', nF, 'r_n2', 1.5)} ELSE ${pick('$4::text[]', nM, 'r_n2', 1.5)} END AS n2,
        ${pick('$5::text[]', nS, 'r_s1', 2.0)} AS s1,
        ${pick('$5::text[]', nS, 'r_s2', 2.0)} AS s2,
        ($6::text[])[ci] AS city, ($7::text[])[ci] AS region, ($8::text[])[ci] AS country, ($9::text[])[ci] AS prefix
      FROM (
        SELECT g, random() AS r_n1, random() AS r_n2, random() AS r_second, random() AS r_s1, random() AS r_s2, random() AS r_gender,
          random() AS r_mail, random() AS r_dom, random() AS r_phone, random() AS r_chan, random() AS r_job, random() AS r_addr,
          random() AS r_orig, random() AS r_list, random() AS r_disp, random() AS r_consent, random() AS r_note, random() AS r_act,
          random() AS r_birth, random() AS r_upd,
          1 + floor(power(random(), 2.0) * ${nC})::int AS ci,
          ${pick('$11::text[]', DOCUMENT_TYPES.length, 'random()')} AS doc_type,
          now() - random() * interval '1100 days' AS created_at
        FROM generate_series($1::int, $2::int) AS g
        OFFSET 0
      ) AS randoms
    ) AS picked`;
  const params = (first: number, last: number) => [
    first, last, FEMALE_NAMES, MALE_NAMES, SURNAMES,
    CITIES.map((c) => c[0]), CITIES.map((c) => c[1]), CITIES.map((c) => c[2]), CITIES.map((c) => c[3]),
    DOMAINS, DOCUMENT_TYPES, CHANNELS, ORIGINS, JOBS, AREAS, LISTS, DISPOSITIONS, STREETS, NOTES,
  ];
  return { sql, params };
}

/**
 * Loads `count` contacts the fast way: drops the table's secondary indexes,
 * INSERT … SELECT in chunks, rebuilds the very same indexes (their CREATE
 * statements read from pg_indexes), then VACUUM ANALYZE so autovacuum does not
 * wake up during the measurements. Returns the seconds each phase took.
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
    await client.query(`SELECT setseed(0.4242)`);
    const { sql, params } = insertContactsSql(schema, table);
    const chunk = 250_000;
    for (let first = 1; first <= count; first += chunk) {
      const last = Math.min(count, first + chunk - 1);
      await client.query(sql, params(first, last));
      onProgress?.(`loaded ${last.toLocaleString('en')} / ${count.toLocaleString('en')} rows`);
    }
    timings.insertSeconds = (Date.now() - t) / 1000;
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
    return { indexesRebuilt: indexes.length, ...timings };
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
        docType === 'nit' ? `${800000000 + (g % 199999999)}-${g % 10}`
        : docType === 'pasaporte' ? `${String.fromCharCode(65 + (g % 26))}${String.fromCharCode(65 + (Math.floor(g / 26) % 26))}${pad(g % 1000000, 6)}`
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
