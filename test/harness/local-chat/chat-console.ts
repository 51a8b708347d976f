import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { EndpointResult, StoredMessage } from '../host';
import { buttonRow, cardChange, cardMessages, readCard, shortTitle } from './cards';
import { Transcript } from './transcript';
import { ChatWorkspace, KnownAlert, Outage, OUTAGES } from './workspace';

const DEFAULT_RESPONDER = 'Rene';

// The card buttons `:press` knows, by the action id the app gives them; the label is read off the card.
const PRESSABLE: Record<string, string> = {
    ack: 'signl4-acknowledge',
    close: 'signl4-close',
    note: 'signl4-add-note',
};

// The REST calls by which the app acts in SIGNL4; SIGNL4 reports each change back through the outbound webhook.
const REST_ACTION = /^\/api\/v2\/alerts\/([^/]+)\/(acknowledge|close|annotate)$/;

export const HELP = [
    'Type a message to post it in the current room (a trigger word such as SIGNL4 raises an alert).',
    "  /signl4 <text> | help | status | oncall | duty on|off   the app's slash command",
    '  :room <name>  :as <username>     switch room (general, ops, random) or sender (you, alice)',
    'Card buttons, pressed as the current sender (the newest card; give #<n> for another, see :cards):',
    '  :press ack [#n]  :press close [#n]  :press note <text> [#n]  :cards',
    'Simulated SIGNL4 (acts on the newest alert; give #<n> or an ExternalID for another, see :alerts):',
    '  :ack [user]  :close [user]  :note <text>  :escalate  :monitoring <title>  :duty  :alerts',
    'Failures and time:',
    '  :signl4 down 500|429|drop|slow|404   :signl4 up   :tick <seconds>   :jobs   :logs',
    '  :set <setting id> <value>   :help   :quit (or Ctrl-D)',
].join('\n');

/** What `:tick` and the like report; the caller decides when to print. */
type Say = (line: string) => void;

/**
 * The local chat's command language: a line typed at the prompt (or in the demo's script) becomes a chat message, a
 * slash command, or an action of the simulated SIGNL4. Lines the app answers with show up in the transcript.
 */
export class ChatConsole {
    public room: IRoom;

    public sender: IUser;

    public readonly transcript: Transcript;

    private readonly announced = new Set<string>();

    constructor(
        public readonly workspace: ChatWorkspace,
        private readonly say: Say,
        options: { showPeople: boolean },
    ) {
        this.room = workspace.room('ops')!;
        this.sender = workspace.you;
        this.transcript = new Transcript(workspace, options.showPeople);
    }

    public prompt(): string {
        const as = this.sender.id === this.workspace.you.id ? '' : ` as ${this.sender.username}`;

        return `#${this.room.slugifiedName}${as}> `;
    }

    /**
     * Lets SIGNL4 report alerts it took from chat (event 200, as the real service does for every new alert) and
     * returns the lines for everything that happened since the last call.
     */
    public async pump(): Promise<string[]> {
        for (const alert of this.workspace.knownAlerts()) {
            if (alert.externalId && !this.announced.has(alert.alertId)) {
                this.announced.add(alert.alertId);
                this.report('event 200 (alert created)', await this.workspace.alertCreated(alert));
            }
        }

        return this.transcript.newLines();
    }

    /** Runs one line; resolves to 'quit' when the session should end. */
    public async run(line: string): Promise<'quit' | undefined> {
        const text = line.trim();
        if (!text) {
            return undefined;
        }
        if (text.startsWith('/')) {
            await this.slashCommand(text);

            return undefined;
        }
        if (!text.startsWith(':')) {
            this.workspace.host.sendMessage({ room: this.room, sender: this.sender, text });

            return undefined;
        }

        const [name, ...args] = text.slice(1).split(/\s+/);

        return this.consoleCommand(name.toLowerCase(), args);
    }

    private async slashCommand(text: string): Promise<void> {
        const [command, ...args] = text.slice(1).split(/\s+/);
        if (command !== 'signl4') {
            this.say(`(no such command /${command}; the app provides /signl4)`);

            return;
        }
        await this.workspace.host.runCommand(command, args, { sender: this.sender, room: this.room });
    }

    private async consoleCommand(name: string, args: string[]): Promise<'quit' | undefined> {
        switch (name) {
            case 'quit':
            case 'q':
                return 'quit';
            case 'help':
                this.say(HELP);
                break;
            case 'room':
                this.switchRoom(args[0]);
                break;
            case 'as':
                this.switchSender(args[0]);
                break;
            case 'ack':
            case 'close':
            case 'escalate':
            case 'note':
                await this.alertAction(name, args);
                break;
            case 'monitoring':
                await this.monitoring(args.join(' '));
                break;
            case 'duty':
                this.report('event 300 (duty started)', await this.workspace.dutyStarted(), 'post_duty_events');
                break;
            case 'alerts':
                this.listAlerts();
                break;
            case 'press':
                await this.press(args);
                break;
            case 'cards':
                this.listCards();
                break;
            case 'signl4':
                this.signl4Health(args);
                break;
            case 'tick':
                await this.tick(args[0]);
                break;
            case 'jobs':
                this.listJobs();
                break;
            case 'logs':
                this.showLogs(Number(args[0]) || 15);
                break;
            case 'set':
                await this.setSetting(args[0], args.slice(1).join(' '));
                break;
            default:
                this.say(`(unknown :${name}; :help lists the commands)`);
        }

        return undefined;
    }

    private switchRoom(name = ''): void {
        const room = this.workspace.room(name);
        if (!room) {
            this.say(`(no room "${name}"; rooms: ${[...this.workspace.rooms.keys()].join(', ')})`);

            return;
        }
        this.room = room;
    }

    private switchSender(username = ''): void {
        const user = this.workspace.user(username);
        if (!user) {
            this.say(`(no user "${username}"; users: you, alice)`);

            return;
        }
        this.sender = user;
    }

    /** `:ack [user] [#n|ExternalID]`, `:close ...`, `:escalate [#n|ExternalID]`, `:note [#n|ExternalID] <text>`. */
    private async alertAction(action: 'ack' | 'close' | 'escalate' | 'note', args: string[]): Promise<void> {
        const isReference = (word: string) =>
            /^#\d+$/.test(word) ||
            (action !== 'note' && /^\d+$/.test(word)) ||
            this.workspace.findAlert(word) !== undefined;
        const reference = action === 'note' ? args.slice(0, 1).find(isReference) : args.find(isReference);
        const rest = args.filter((word) => word !== reference);
        const alert = this.workspace.findAlert(reference?.replace(/^#/, ''));
        if (!alert) {
            this.say(reference ? `(no alert ${reference}; see :alerts)` : '(no alert yet: write "SIGNL4 ..." first)');

            return;
        }

        switch (action) {
            case 'ack':
                return this.report('event 201 (acknowledged)', await this.workspace.acknowledged(alert, by(rest)));
            case 'close':
                return this.report('event 201 (closed)', await this.workspace.closed(alert, by(rest)));
            case 'escalate':
                return this.report('event 202 (escalated)', await this.workspace.escalated(alert), 'post_escalations');
            case 'note':
                if (rest.length === 0) {
                    return this.say('(usage: :note <text>)');
                }

                return this.report(
                    'event 203 (annotated)',
                    await this.workspace.annotated(alert, DEFAULT_RESPONDER, rest.join(' ')),
                );
        }
    }

    /** `:press ack|close [#n]`, `:press note <text> [#n]`: a click on a card button, as a chat client sends it. */
    private async press(args: string[]): Promise<void> {
        const [word = '', ...rest] = args;
        const button = word.toLowerCase();
        const actionId = PRESSABLE[button];
        const reference = /^#\d+$/.test(rest[rest.length - 1] ?? '') ? rest.pop() : undefined;
        if (!actionId || (button === 'note') !== rest.length > 0) {
            this.say('(usage: :press ack [#n], :press close [#n], :press note <text> [#n])');

            return;
        }
        const cards = cardMessages(this.workspace.host.messages());
        const message = reference ? cards[Number(reference.slice(1)) - 1] : cards[cards.length - 1];
        const card = message && readCard(message);
        if (!message || !card) {
            this.say(reference ? `(no card ${reference}; see :cards)` : '(no card yet: write "SIGNL4 ..." first)');

            return;
        }
        const pressed = card.buttons.find((candidate) => candidate.actionId === actionId);
        if (!pressed) {
            const number = cards.indexOf(message) + 1;
            this.say(
                card.buttons.length > 0
                    ? `(card #${number} has no such button now, only ${buttonRow(card)})`
                    : `(card #${number} has no buttons; it says: ${card.hint ?? 'nothing'})`,
            );

            return;
        }

        const restCallsBefore = this.workspace.exchanges().length;
        const answer = await this.workspace.host.blockAction({
            actionId,
            blockId: pressed.blockId,
            value: pressed.value,
            user: this.sender,
            room: message.room,
            message,
        });
        // What the press caused comes before the dialog and before SIGNL4's report of it.
        this.transcript.newLines().forEach(this.say);
        if (button === 'note') {
            await this.submitNote(answer, rest.join(' '));
            this.transcript.newLines().forEach(this.say);
        }
        await this.echoRestActions(restCallsBefore);
    }

    /** The app answers Add note with a dialog; it is filled in and submitted as the person would. */
    private async submitNote(answer: unknown, text: string): Promise<void> {
        const opened = answer as { type?: string; view?: NoteDialog } | undefined;
        if (opened?.type !== 'modal.open' || !opened.view) {
            // The app told the presser privately why not; that answer is in the transcript.
            return;
        }
        const view = opened.view;
        const input = (view.blocks ?? []).find((block) => block.type === 'input');
        const blockId = input?.blockId ?? '';
        const fieldId = input?.element?.actionId ?? blockId;
        const writer = this.sender.id === this.workspace.you.id ? 'you write' : `${this.sender.username} writes`;
        this.say(`(dialog "${view.title?.text ?? ''}": ${writer} "${text}" and submit)`);
        const result = (await this.workspace.host.viewSubmit({
            view: { ...view, state: { [blockId]: { [fieldId]: text } } },
            user: this.sender,
        })) as { type?: string; errors?: Record<string, string> } | undefined;
        if (result?.type === 'errors') {
            this.say(`(the dialog stays open and says: ${Object.values(result.errors ?? {}).join('; ')})`);
        }
    }

    /** Like the real service, SIGNL4 reports a change made through its REST API back to the app's events endpoint. */
    private async echoRestActions(since: number): Promise<void> {
        for (const exchange of this.workspace.exchanges().slice(since)) {
            const action = REST_ACTION.exec(exchange.path.split('?')[0]);
            const alert = action && this.workspace.alertById(decodeURIComponent(action[1]));
            if (!action || !alert || exchange.status === undefined || exchange.status >= 300) {
                continue;
            }
            const who = this.sender.name;
            const [what, result] =
                action[2] === 'annotate'
                    ? ['event 203 (annotated)', await this.workspace.annotated(alert, who, noteOf(exchange.body))]
                    : action[2] === 'close'
                      ? ['event 201 (closed)', await this.workspace.closed(alert, who)]
                      : ['event 201 (acknowledged)', await this.workspace.acknowledged(alert, who)];
            const outcome = (result.content as { result?: string } | undefined)?.result;
            if (result.status === 200) {
                const shown = outcome === 'ignored' ? 'the app shows nothing new' : `the app answered "${outcome}"`;
                this.say(`  [SIGNL4 reported it back: ${what} → ${shown}]`);
            } else {
                this.report(what, result);
            }
        }
    }

    private listCards(): void {
        const cards = cardMessages(this.workspace.host.messages());
        if (cards.length === 0) {
            this.say('(no cards yet)');
        }
        cards.forEach((message: StoredMessage, index) => {
            const card = readCard(message)!;
            const room = `#${message.room.slugifiedName ?? message.room.id}`;
            this.say(`  #${index + 1} ${room} "${shortTitle(card)}": ${cardChange(card)}`);
        });
    }

    private async monitoring(title: string): Promise<void> {
        if (!title) {
            this.say('(usage: :monitoring <title>)');

            return;
        }
        const { result } = await this.workspace.monitoringAlert(title);
        this.report('event 200 (alert created)', result, 'post_new_alerts');
    }

    private listAlerts(): void {
        const alerts = this.workspace.knownAlerts();
        if (alerts.length === 0) {
            this.say('(SIGNL4 has no alerts yet)');
        }
        alerts.forEach((alert: KnownAlert, index) =>
            this.say(
                `  #${index + 1} ${alert.externalId ?? '(from monitoring)'} "${alert.title}" alert ${alert.alertId}`,
            ),
        );
    }

    private signl4Health(args: string[]): void {
        const [state, mode] = args;
        if (state === 'up') {
            this.workspace.signl4Up();
            this.say('(SIGNL4 answers normally again)');
        } else if (state === 'down' && OUTAGES.includes((mode ?? '500') as Outage)) {
            this.workspace.signl4Down((mode ?? '500') as Outage);
            this.say(`(SIGNL4 now answers every request with: ${mode ?? '500'}, until :signl4 up)`);
        } else {
            this.say(`(usage: :signl4 down ${OUTAGES.join('|')}, or :signl4 up)`);
        }
    }

    private async tick(seconds = ''): Promise<void> {
        const value = Number(seconds);
        if (!Number.isFinite(value) || value <= 0) {
            this.say('(usage: :tick <seconds>)');

            return;
        }
        const runs = await this.workspace.host.advance(value * 1000);
        const ran = runs.map((run) => `${withoutAppId(run.processorId)} ${run.ok ? 'ok' : `failed: ${run.error}`}`);
        this.say(`(clock +${value} s${ran.length ? `; ran ${ran.join(', ')}` : '; no job was due'})`);
    }

    private listJobs(): void {
        const now = this.workspace.host.now().getTime();
        const jobs = this.workspace.host.jobs();
        if (jobs.length === 0) {
            this.say('(no scheduled jobs)');
        }
        for (const job of jobs) {
            const inSeconds = Math.round((job.nextRunAt.getTime() - now) / 1000);
            const data = job.data as Record<string, unknown> | undefined;
            const about = typeof data?.externalId === 'string' ? ` for ${data.externalId}` : '';
            const failed = job.lastError ? `, failed: ${job.lastError}` : '';
            this.say(`  ${withoutAppId(job.processorId)}${about}: ${job.kind}, due in ${inSeconds} s${failed}`);
        }
    }

    /** The app's own log without the engine's debug chatter; an entry's first line says what happened. */
    private showLogs(count: number): void {
        this.workspace.host
            .logLines()
            .filter((line) => !line.includes('] debug: '))
            .slice(-count)
            .forEach((line) => this.say(`  ${line.split('\n')[0]}`));
    }

    private async setSetting(id = '', raw: string): Promise<void> {
        if (!id) {
            this.say('(usage: :set <setting id> <value>)');

            return;
        }
        const value = raw === 'true' ? true : raw === 'false' ? false : raw;
        await this.workspace.host.setAppSetting(id, value);
        this.say(`(setting ${id} = ${JSON.stringify(value)})`);
    }

    /** The endpoint's answer matters only when it is not a plain success; an ignored event hints at a setting. */
    private report(what: string, result: EndpointResult, setting?: string): void {
        const outcome = (result.content as { result?: string } | undefined)?.result;
        if (result.status !== 200) {
            this.say(`  [${what} → HTTP ${result.status} ${JSON.stringify(result.content ?? '')}]`);
        } else if (outcome === 'ignored' && setting && this.workspace.settingValue(setting) === false) {
            this.say(`  [${what}: the app posted nothing; ${setting} is off (:set ${setting} true)]`);
        }
    }
}

// The engine registers each processor as "<id>_<appId>"; the app's own id reads better.
function withoutAppId(processorId: string): string {
    return processorId.replace(/_[0-9a-f-]{36}$/, '');
}

interface NoteDialog {
    title?: { text?: string };
    blocks?: Array<{ type: string; blockId?: string; element?: { actionId?: string } }>;
}

function noteOf(body: unknown): string {
    const text = (body as { text?: unknown } | undefined)?.text;

    return typeof text === 'string' ? text : '';
}

function by(words: string[]): string {
    return words.join(' ') || DEFAULT_RESPONDER;
}
