import { IUIKitResponse } from '@rocket.chat/apps-engine/definition/uikit';
import {
    UIKitBlockInteractionContext,
    UIKitViewSubmitInteractionContext,
} from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionContext';

import { Accessors, AppContext } from '../AppContext';
import { CardAction } from '../chat/alertCard';
import { raiseByHand } from '../commands/raiseByHand';
import { t } from '../locale/texts';
import { CardInteractions } from './CardInteractions';
import { fieldValue, NOTE_FIELD, noteCardOf, noteDialog } from './noteDialog';
import { RaiseField, raiseTargetOf } from './raiseDialog';

/** A button pressed on one of the app's cards. Every answer to the person is ephemeral; the card shows the effect. */
export async function handleBlockAction(
    app: AppContext,
    context: UIKitBlockInteractionContext,
    accessors: Accessors,
): Promise<IUIKitResponse> {
    const { actionId, value, user, room } = context.getInteractionData();
    const responder = context.getInteractionResponder();
    const { read, modify, http, persistence } = accessors;
    const interactions = new CardInteractions(app, read, modify, http, persistence);
    const ref = value ?? '';

    switch (actionId) {
        case CardAction.Acknowledge:
        case CardAction.Close:
            await interactions.transition(actionId, ref, user, room);
            break;
        case CardAction.AddNote:
            if (await interactions.mayAct(ref, user, room)) {
                return responder.openModalViewResponse(noteDialog(app, ref));
            }
            break;
        default:
            // "Open in SIGNL4" is a link; the client opens it and tells the app for no reason of its own.
            break;
    }

    return responder.successResponse();
}

/** A submitted dialog: a card's note, or an alert raised with `/signl4 alert`. */
export async function handleViewSubmit(
    app: AppContext,
    context: UIKitViewSubmitInteractionContext,
    accessors: Accessors,
): Promise<IUIKitResponse> {
    const { view, user } = context.getInteractionData();
    const responder = context.getInteractionResponder();
    const language = app.settingsCache.language;
    const { read, modify, http, persistence } = accessors;

    const ref = noteCardOf(view.id);
    if (ref) {
        const interactions = new CardInteractions(app, read, modify, http, persistence);
        const error = await interactions.addNote(ref, fieldValue(view.state, NOTE_FIELD), user);

        return error
            ? responder.viewErrorResponse({ viewId: view.id, errors: { [NOTE_FIELD]: error } })
            : responder.successResponse();
    }

    const target = raiseTargetOf(view.id);
    const room = target && (await read.getRoomReader().getById(target.roomId));
    if (!target || !room) {
        return responder.errorResponse();
    }
    const text = fieldValue(view.state, RaiseField.Text);
    if (!text) {
        return responder.viewErrorResponse({
            viewId: view.id,
            errors: { [RaiseField.Text]: t(language, 'raiseDialogNoText') },
        });
    }
    const alert = {
        room,
        sender: user,
        threadId: target.threadId,
        text,
        title: fieldValue(view.state, RaiseField.Title),
        service: fieldValue(view.state, RaiseField.Service),
        alertingScenario: scenarioOf(fieldValue(view.state, RaiseField.Scenario)),
    };
    await raiseByHand(app, alert, accessors);

    return responder.successResponse();
}

function scenarioOf(value: string): string | undefined {
    return ['single_ack', 'multi_ack', 'emergency'].includes(value) ? value : undefined;
}
