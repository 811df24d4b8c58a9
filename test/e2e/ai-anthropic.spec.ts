import { startFakeMessagesApi, type FakeMessagesApi } from '../ai/fake-messages-api';
import { startTestServer, type TestServer } from '../support/test-server';

const mascotas = {
  key: 'mascotas',
  version: 1,
  names: { singular: { es: 'Mascota', en: 'Pet' }, plural: { es: 'Mascotas', en: 'Pets' } },
  icon: 'paw',
  fields: [
    { key: 'nombre', type: 'text', label: { es: 'Nombre', en: 'Name' }, required: true },
    { key: 'especie', type: 'select', label: { es: 'Especie', en: 'Species' }, options: [{ key: 'perro', label: { es: 'Perro', en: 'Dog' } }] },
    { key: 'dueno', type: 'lookup', label: { es: 'Dueño', en: 'Owner' }, target: 'contactos' },
  ],
};
/** Two mistakes the meta-schema catches: an unknown type and a label without English. */
const malformed = { ...mascotas, fields: [{ key: 'nombre', type: 'texto', label: { es: 'Nombre' } }] };

describe('AI module drafts, Anthropic provider against a local Messages API', () => {
  let fake: FakeMessagesApi;
  let t: TestServer;
  let op: string;
  const draft = (body: unknown) => t.api('POST', '/api/v1/ai/module-drafts', body, { operation: op });

  beforeAll(async () => {
    fake = await startFakeMessagesApi();
    t = await startTestServer({ anthropicApiKey: 'sk-ant-test', anthropicBaseUrl: fake.url, anthropicModel: 'claude-test-model' });
    op = await t.createOperation('claude');
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('sends the prompt with the definition tool and returns the validated answer with its diff', async () => {
    fake.script({ toolInput: { definition: mascotas, notUnderstood: [] } });
    const response = await draft({ prompt: 'Crea un módulo de mascotas con nombre, especie y dueño' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ provider: 'anthropic', definition: mascotas, notUnderstood: [] });
    expect(response.body.diff.map((d: { op: string }) => d.op)).toEqual(['addField', 'addField', 'addField']);

    const request = fake.requests[0];
    expect(request.model).toBe('claude-test-model');
    expect(request.tool_choice).toEqual({ type: 'tool', name: 'propose_module_definition' });
    expect(request.tools[0].input_schema.$defs.moduleDefinition.required).toEqual(['key', 'version', 'names', 'icon', 'fields']);
    expect(request.messages[0].content).toContain('Crea un módulo de mascotas');
    expect(request.messages[0].content).toContain('contactos');
  });

  it('retries once with the validation errors when the answer does not fit the format', async () => {
    fake.requests.length = 0;
    fake.script({ toolInput: { definition: malformed, notUnderstood: [] } }, { toolInput: { definition: mascotas, notUnderstood: ['con chip'] } });
    const response = await draft({ prompt: 'Crea un módulo de mascotas con nombre y con chip' });
    expect(response.status).toBe(200);
    expect(response.body.notUnderstood).toEqual(['con chip']);
    expect(fake.requests).toHaveLength(2);
    const retry = fake.requests[1].messages;
    expect(retry.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(retry[2].content[0]).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_1', is_error: true });
    expect(retry[2].content[0].content).toContain('definition.fields[0].type');
  });

  it('gives the admin a clear error in both languages after a second bad answer', async () => {
    fake.requests.length = 0;
    fake.script({ toolInput: { definition: malformed, notUnderstood: [] } }, { text: 'Lo siento, no puedo.' });
    const response = await draft({ prompt: 'Crea un módulo de mascotas' });
    expect(fake.requests).toHaveLength(2);
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({
      code: 'ai_invalid_answer',
      message: { es: expect.stringContaining('no es válida'), en: expect.stringContaining('not valid') },
      details: [expect.objectContaining({ path: '', code: 'ai.answer' })],
    });
  });

  it('keeps the key of a stored module and reports an unreachable provider as 502', async () => {
    fake.script({ toolInput: { definition: { ...mascotas, key: 'otra' }, notUnderstood: [] } }, { toolInput: { definition: { ...mascotas, key: 'otra' }, notUnderstood: [] } });
    const renamed = await draft({ prompt: 'agrega un campo', module: 'contactos' });
    expect(renamed.status).toBe(502);
    expect(renamed.body.details).toEqual([expect.objectContaining({ path: 'definition.key' })]);

    const offline = await startTestServer({ anthropicApiKey: 'sk-ant-test', anthropicBaseUrl: 'http://127.0.0.1:9' });
    try {
      const key = await offline.createOperation('down');
      const down = await offline.api('POST', '/api/v1/ai/module-drafts', { prompt: 'Crea un módulo de mascotas' }, { operation: key });
      expect(down.status).toBe(502);
      expect(down.body.code).toBe('ai_unavailable');
    } finally {
      await offline.close();
    }
  });
});
