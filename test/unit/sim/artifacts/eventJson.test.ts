import { describe, expect, it } from 'vitest';
import { eventJsonLine } from '../../../../src/sim/artifacts/eventJson.ts';

describe('eventJsonLine', () => {
  it('writes the fields in a fixed order whatever order the event object has', () => {
    const line = eventJsonLine({ detail: { z: 1, a: 2 }, reason: 'WeightsRateLimit', what: 'set_weights', agent: 'sn1.validators.0', kind: 'action_rejected', block: 42 });
    expect(line).toBe('{"block":42,"kind":"action_rejected","agent":"sn1.validators.0","what":"set_weights","reason":"WeightsRateLimit","detail":{"a":2,"z":1}}\n');
  });

  it('leaves absent optional fields out and writes bigint amounts as exact decimal strings', () => {
    expect(eventJsonLine({ block: 0, kind: 'run_start', what: 'run' })).toBe('{"block":0,"kind":"run_start","what":"run"}\n');
    const line = eventJsonLine({ block: 7, kind: 'scenario_event', what: 'stake', detail: { amountRao: 18446744073709551615n } });
    expect(line).toBe('{"block":7,"kind":"scenario_event","what":"stake","detail":{"amountRao":"18446744073709551615"}}\n');
    expect(JSON.parse(line).detail.amountRao).toBe('18446744073709551615');
  });

  it('escapes text so each event stays on one line', () => {
    const line = eventJsonLine({ block: 1, kind: 'action', what: 'a\nb "quoted"' });
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line).what).toBe('a\nb "quoted"');
  });
});
