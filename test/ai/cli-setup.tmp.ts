import { startTestServer } from '../support/test-server';
async function main() {
  const dir = process.argv[2];
  const t = await startTestServer({ dataDir: dir });
  for (const key of ['clisrc', 'clidst']) await t.api('POST', '/api/v1/operations', { key, name: key });
  await t.api('POST', '/api/v1/modules', { key: 'vehiculos', version: 1, names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } }, icon: 'car', fields: [{ key: 'placa', type: 'text', label: { es: 'Placa', en: 'Plate' } }] }, { operation: 'clisrc' });
  await t.server.close();
}
main().then(() => process.exit(0));
