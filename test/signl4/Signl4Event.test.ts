import { parseSignl4Event } from '../../src/signl4/Signl4Event';
import { signl4Event } from '../fixtures/signl4Fixtures';

describe('parseSignl4Event', () => {
    it('reads an acknowledgement with its user and alert ids', () => {
        const parsed = parseSignl4Event(signl4Event('201-acknowledged', { externalId: 'rc-m1', eventId: 'e1' }));

        expect(parsed).toEqual({
            event: expect.objectContaining({
                id: 'b2e5d3c9-4c6f-4a71-8b8c-9d0e1f2a3b4c',
                eventType: 201,
                user: { id: '7e2c9a41-0b3d-5f6e-8a7b-9c0d1e2f3a4b', name: 'Rene' },
                alert: expect.objectContaining({ externalEventId: 'rc-m1', eventId: 'e1', statusCode: 2 }),
            }),
        });
    });

    it('reads the annotation text', () => {
        const parsed = parseSignl4Event(signl4Event('203-annotated'));

        expect('event' in parsed && parsed.event.annotation).toBe('On my way, ETA 10 minutes.');
    });

    it('reads old field spellings case-insensitively and prefers a display name', () => {
        const parsed = parseSignl4Event({
            ID: 'n1',
            EventType: '201',
            User: { userName: 'old', displayName: 'Old Style' },
            Alert: { Id: 'a1', StatusCode: 4 },
        });

        expect(parsed).toEqual({
            event: expect.objectContaining({ id: 'n1', eventType: 201, user: { id: undefined, name: 'Old Style' } }),
        });
    });

    it('accepts a JSON text body', () => {
        expect(parseSignl4Event(JSON.stringify(signl4Event('300-duty-started')))).toMatchObject({
            event: { eventType: 300 },
        });
    });

    it('accepts unknown event types so that they can be ignored', () => {
        expect(parseSignl4Event({ id: 'ping', eventType: 1 })).toMatchObject({ event: { eventType: 1 } });
    });

    it.each([
        ['not JSON', 'body must be a JSON object'],
        [[1, 2], 'body must be a JSON object'],
        [{ eventType: 201 }, 'missing notification id'],
        [{ id: 'x' }, 'eventType must be an integer'],
        [{ id: 'x', eventType: 'abc' }, 'eventType must be an integer'],
        [{ id: 'x', eventType: 201 }, 'alert event without alert id'],
        [{ id: 'x', eventType: 201, alert: { id: 'a' } }, 'status event without alert.statusCode'],
        [{ id: 'x', eventType: 203, alert: { id: 'a' } }, 'annotation event without annotation.message'],
    ])('refuses %j with "%s"', (body, error) => {
        expect(parseSignl4Event(body)).toEqual({ error });
    });
});
