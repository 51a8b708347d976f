import { Signl4UserCache } from '../../src/storage/Signl4UserCache';
import { memoryPersistence } from './memoryPersistence';

describe('Signl4UserCache', () => {
    it('keeps one entry per Rocket.Chat user under the app prefix, replaces and forgets it', async () => {
        const { reader, writer, records } = memoryPersistence();
        const cache = new Signl4UserCache(reader, writer);

        await cache.save('rc-1', { email: 'a@example.com', signl4UserId: 's-1', expiresAt: 5 });
        await cache.save('rc-1', { email: 'a@example.com', expiresAt: 6 });
        expect(await cache.entry('rc-1')).toEqual({ email: 'a@example.com', expiresAt: 6 });
        expect([...records.keys()]).toEqual(['signl4:signl4-user:rc-1']);

        await cache.forget('rc-1');
        expect(await cache.entry('rc-1')).toBeUndefined();
    });

    it('refuses to write when opened read-only', async () => {
        const { reader } = memoryPersistence();

        await expect(new Signl4UserCache(reader).save('rc-1', { email: 'a', expiresAt: 1 })).rejects.toThrow(
            'read-only',
        );
    });
});
