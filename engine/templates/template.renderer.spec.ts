import { checkTemplate, normalizeSingleBraces, renderAutonumber, renderTemplate } from './template.renderer';

describe('templates', () => {
  it('renders autonumber prefixes with a padded sequence', () => {
    expect(renderAutonumber('CAS-{{seq 6}}', 123)).toBe('CAS-000123');
    expect(renderAutonumber('COT-{{date $now "YYYY"}}-{{seq 4}}', 7, {}, new Date('2026-03-01T00:00:00Z'))).toBe('COT-2026-0007');
    expect(renderAutonumber('{{upper tipo}}-{{seq 3}}', 42, { tipo: 'pet' })).toBe('PET-042');
    expect(renderAutonumber('N{{seq}}', 9)).toBe('N9');
  });

  it('renders record titles without escaping', () => {
    expect(renderTemplate('{{numero}} · {{asunto}}', { numero: 'CAS-000001', asunto: 'Factura <octubre> & "noviembre"' })).toBe('CAS-000001 · Factura <octubre> & "noviembre"');
  });

  it('escapes values in e-mail bodies', () => {
    expect(renderTemplate('<p>Hola {{nombre}}</p>', { nombre: '<script>x</script>' }, 'html')).toBe('<p>Hola &lt;script&gt;x&lt;/script&gt;</p>');
  });

  it("accepts the seed's single-brace variables and encodes them in URLs", () => {
    expect(normalizeSingleBraces('https://crm.example/cliente?id={id_customer}&tel={TELEFONO}')).toBe('https://crm.example/cliente?id={{id_customer}}&tel={{TELEFONO}}');
    expect(
      renderTemplate(
        'https://crm.example/c?id={id_customer}&agente={id_agent}&tel={TELEFONO}&llamada={{id_call}}',
        {
          id_customer: 'CC 1.020/33',
          id_agent: 'ana&luis',
          TELEFONO: '+57 300 555',
          id_call: 'abc',
        },
        'url',
      ),
    ).toBe('https://crm.example/c?id=CC%201.020%2F33&agente=ana%26luis&tel=%2B57%20300%20555&llamada=abc');
    expect(normalizeSingleBraces('{{ya}} {{{triple}}}')).toBe('{{ya}} {{{triple}}}');
  });

  it('reports templates that do not compile', () => {
    expect(checkTemplate('CAS-{{seq 6}}')).toBeNull();
    expect(checkTemplate('{{#if x}}sin cerrar')).toMatch(/Parse error on line 1/);
    expect(checkTemplate('{{desconocido 3}}')).toMatch(/desconocido/);
  });

  it('renders missing values as empty text', () => {
    expect(renderTemplate('{{a}}-{{b.c}}', {})).toBe('-');
  });
});
