import { StoredMessage } from '../host';
import { cardChange, cardLines, cardMessages, CardView, readCard, shortTitle } from './cards';
import { TappedExchange } from './signl4-tap';
import { ChatWorkspace } from './workspace';

const QUOTE_LENGTH = 40;

interface TimedLine {
    at: Date;
    line: string;
}

/**
 * Turns what happened in the workspace since the last look into readable lines: chat messages with their thread,
 * ephemeral answers, and what SIGNL4 received. Polled, because the app posts on its own time (events, retries).
 */
export class Transcript {
    private readonly seenMessages = new Map<string, number>();

    // What each card last showed: an edit that changes nothing visible (a learnt alert id) is not worth a line.
    private readonly shownCards = new Map<string, string>();

    private seenEphemerals = 0;

    private readonly reportedExchanges = new Map<TappedExchange, 'pending' | 'failed' | 'answered'>();

    constructor(
        private readonly workspace: ChatWorkspace,
        // People's messages are echoed by the terminal they were typed into; a scripted run has to show them.
        private readonly showPeople: boolean,
    ) {}

    /** Lines for everything new, oldest first. */
    public newLines(): string[] {
        const timed = [...this.exchangeLines(), ...this.messageLines()].sort((a, b) => a.at.getTime() - b.at.getTime());

        // Ephemerals carry no time; they answer a command, which has finished by the time it is looked at.
        return [...timed.map((entry) => entry.line), ...this.ephemeralLines()];
    }

    /** Marks everything present as seen, e.g. what set-up produced before the user is watching. */
    public skipAll(): void {
        this.newLines();
    }

    private messageLines(): TimedLine[] {
        const lines: TimedLine[] = [];
        const messages = this.workspace.host.messages();
        const cards = cardMessages(messages).map((message) => message.id);
        for (const message of messages) {
            const seen = this.seenMessages.get(message.id);
            if (seen === message.updatedCount) {
                continue;
            }
            this.seenMessages.set(message.id, message.updatedCount);
            if (message.createdBy === 'host' && !this.showPeople) {
                continue;
            }
            // The app's edits carry updatedAt only (editedAt is a person's edit); either orders an edit by its time.
            const changedAt = seen === undefined ? undefined : (message.editedAt ?? message.updatedAt);
            const at = changedAt ?? message.createdAt ?? new Date();
            const card = readCard(message);
            if (card) {
                const line = this.cardEntry(message, card, cards.indexOf(message.id) + 1, seen === undefined);
                if (line) {
                    lines.push({ at, line });
                }
                continue;
            }
            const edited = seen === undefined ? '' : ' (edited)';
            const line = indentContinuation(`${this.where(message)}${edited}: ${message.text ?? '[no text]'}`);
            lines.push({ at, line });
        }

        return lines;
    }

    /** A new card is drawn under its message; an edit shows in one line, and only when the card looks different. */
    private cardEntry(message: StoredMessage, card: CardView, number: number, isNew: boolean): string | undefined {
        const before = this.shownCards.get(message.id);
        const now = cardChange(card);
        this.shownCards.set(message.id, now);
        if (isNew) {
            const drawn = cardLines(card, number).map((line) => `\n${line}`);

            return indentContinuation(`${this.where(message)}: ${message.text ?? '[card]'}${drawn.join('')}`);
        }

        return before === now
            ? undefined
            : `${roomOf(message)}${authorOf(message)} ✎ card #${number} "${shortTitle(card)}": ${now}`;
    }

    private where(message: StoredMessage): string {
        const prefix = `${roomOf(message)}${authorOf(message)}`;
        if (!message.threadId) {
            return prefix;
        }
        const root = this.workspace.host.messages().find((candidate) => candidate.id === message.threadId);

        return `${prefix} ↳ thread of "${quote(root?.text ?? message.threadId)}"`;
    }

    private ephemeralLines(): string[] {
        const ephemerals = this.workspace.host.ephemerals();
        const fresh = ephemerals.slice(this.seenEphemerals);
        this.seenEphemerals = ephemerals.length;

        return fresh.map((notice) => {
            const who = notice.username === this.workspace.you.username ? 'you' : notice.username;

            return indentContinuation(`(only ${who}) ${notice.text ?? '[no text]'}`);
        });
    }

    // A slow answer is reported twice: when the app gives up on it, and when SIGNL4 answers after all.
    private exchangeLines(): TimedLine[] {
        const lines: TimedLine[] = [];
        for (const exchange of this.workspace.exchanges()) {
            const reported = this.reportedExchanges.get(exchange) ?? 'pending';
            if (exchange.status !== undefined && reported !== 'answered') {
                const late = reported === 'failed' ? ' (too late, the app had given up)' : '';
                const line = `  [SIGNL4 received ${describeRequest(exchange)} → answered ${exchange.status}${late}]`;
                lines.push({ at: exchange.settledAt ?? new Date(), line });
                this.reportedExchanges.set(exchange, 'answered');
            } else if (exchange.failure && reported === 'pending') {
                const line = `  [SIGNL4 received ${describeRequest(exchange)} → ${exchange.failure}]`;
                lines.push({ at: exchange.settledAt ?? new Date(), line });
                this.reportedExchanges.set(exchange, 'failed');
            }
        }

        return lines;
    }
}

function roomOf(message: StoredMessage): string {
    return `#${message.room.slugifiedName ?? message.room.displayName ?? message.room.id}`.padEnd(9);
}

function authorOf(message: StoredMessage): string {
    return message.createdBy === 'app' ? (message.alias ?? message.sender.username) : message.sender.username;
}

function describeRequest(exchange: TappedExchange): string {
    const alert = exchange.body as Record<string, string> | undefined;
    if (exchange.method === 'POST' && alert?.['X-S4-ExternalID']) {
        return `alert "${quote(alert.Title ?? '')}" ${alert['X-S4-ExternalID']}`;
    }
    // The REST API acts for the card buttons; the paths hold ids and e-mail addresses, never the API key.
    if (exchange.path.startsWith('/api/')) {
        return `REST ${exchange.method} ${decodeURIComponent(exchange.path.replace(/^\/api/, '').split('?')[0])}`;
    }

    // The path holds the team secret; the app's GET on the webhook is its /signl4 status probe.
    return exchange.method === 'GET' ? 'a reachability probe' : `${exchange.method} request`;
}

function quote(text: string): string {
    const oneLine = text.replace(/\s+/g, ' ').trim();

    return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
}

function indentContinuation(text: string): string {
    return text.replace(/\n/g, '\n        ');
}
