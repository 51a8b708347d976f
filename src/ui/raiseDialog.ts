import { IUIKitSurfaceViewParam } from '@rocket.chat/apps-engine/definition/accessors';
import { UIKitSurfaceType } from '@rocket.chat/apps-engine/definition/uikit';
import type { InputBlock, LayoutBlock } from '@rocket.chat/ui-kit';

import { AppContext } from '../AppContext';
import { t } from '../locale/texts';
import { TEAM_DEFAULT_SCENARIO } from '../settings/settings';

/** A modal's submit arrives without a room, so the dialog's id carries where the alert is to be raised. */
const VIEW_PREFIX = 'signl4-raise';

export const RaiseField = {
    Title: 'signl4-raise-title',
    Text: 'signl4-raise-text',
    Service: 'signl4-raise-service',
    Scenario: 'signl4-raise-scenario',
} as const;

const SCENARIOS = [TEAM_DEFAULT_SCENARIO, 'single_ack', 'multi_ack', 'emergency'];

export interface RaiseTarget {
    readonly roomId: string;
    readonly threadId?: string;
}

/** The `/signl4 alert` dialog: title, text, service and scenario, preset from the settings. */
export function raiseDialog(app: AppContext, target: RaiseTarget): IUIKitSurfaceViewParam {
    const language = app.settingsCache.language;
    const config = app.settingsCache.config;
    const appId = app.getID();
    const input = (field: string, label: string, element: InputBlock['element'], optional = true): InputBlock => ({
        type: 'input',
        blockId: field,
        label: { type: 'plain_text', text: label },
        element,
        optional,
    });
    const text = (field: string, multiline = false) =>
        ({ type: 'plain_text_input', appId, blockId: field, actionId: field, multiline }) as const;
    const blocks: LayoutBlock[] = [
        input(RaiseField.Title, t(language, 'raiseDialogTitleLabel'), text(RaiseField.Title)),
        input(RaiseField.Text, t(language, 'raiseDialogTextLabel'), text(RaiseField.Text, true), false),
        input(RaiseField.Service, t(language, 'raiseDialogServiceLabel'), {
            ...text(RaiseField.Service),
            ...(config.service ? { initialValue: config.service } : {}),
        }),
        input(RaiseField.Scenario, t(language, 'raiseDialogScenarioLabel'), {
            type: 'static_select',
            appId,
            blockId: RaiseField.Scenario,
            actionId: RaiseField.Scenario,
            placeholder: { type: 'plain_text', text: t(language, 'raiseDialogScenarioLabel') },
            options: SCENARIOS.map((value) => ({
                value,
                text: {
                    type: 'plain_text',
                    text: value === TEAM_DEFAULT_SCENARIO ? t(language, 'scenarioTeamDefault') : value,
                },
            })),
            initialValue: config.alertingScenario ?? TEAM_DEFAULT_SCENARIO,
        }),
    ];

    return {
        id: `${VIEW_PREFIX}:${target.roomId}:${target.threadId ?? ''}`,
        type: UIKitSurfaceType.MODAL,
        title: { type: 'plain_text', text: t(language, 'raiseDialogTitle') },
        blocks,
        submit: button(appId, 'signl4-raise-submit', t(language, 'raiseDialogSubmit')),
        close: button(appId, 'signl4-raise-cancel', t(language, 'cancel')),
    };
}

/** Where a submitted dialog raises its alert; undefined when the view is not this dialog. */
export function raiseTargetOf(viewId: string): RaiseTarget | undefined {
    const [prefix, roomId, threadId] = viewId.split(':');

    return prefix === VIEW_PREFIX && roomId ? { roomId, threadId: threadId || undefined } : undefined;
}

export function button(appId: string, actionId: string, text: string) {
    return { type: 'button', appId, blockId: actionId, actionId, text: { type: 'plain_text', text } } as const;
}
