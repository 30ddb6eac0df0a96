import { Timeline, Typography } from 'antd';
import { basisOf, timelineOf, procedureDefinition } from '@lawgate/domain';
import { useLang, useTr } from '../../i18n';
import { conclusionName, formatTime, stageName } from '../../labels';
import type { ProcedureDetail } from '../../api/types';

/** The procedure's stages in statutory order, each with its basis and its sign-offs, read from its definition. */
export function StageTimeline({ stage, detail }: { stage: string; detail: ProcedureDetail }) {
  const { lang } = useLang();
  const tr = useTr();
  const definition = procedureDefinition(detail.type);
  const order: readonly string[] = definition ? timelineOf(definition) : [];
  const current = order.indexOf(stage);
  // A stage off the timeline that is not terminal (a suspension) keeps the timeline's colours.
  const terminal = current < 0 && (!definition || definition.terminal.some((t) => t.stage === stage));
  return (
    <Timeline
      items={[
        ...order.map((s, i) => {
          const basis = definition ? basisOf(definition, s) : undefined;
          const signed = detail.ledger.filter((e) => e.stage === s);
          const state = terminal ? 'gray' : i < current ? 'green' : i === current ? 'blue' : 'gray';
          return {
            color: state,
            children: (
              <div aria-current={i === current ? 'step' : undefined}>
                <Typography.Text strong={i === current}>
                  {stageName(s, lang, detail.type)}
                  {i === current && tr('（当前）', ' (current)')}
                </Typography.Text>
                {basis && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {tr('依据：', 'Basis: ')}
                      {basis.regulation} {basis.article}
                      {!basis.verified && tr('（待核实）', ' (to be verified)')}
                    </Typography.Text>
                  </div>
                )}
                {i === current && detail.live?.waitingFor && (
                  <div>
                    {tr('等待：', 'Waiting for: ')}
                    {detail.live.waitingFor}
                    {detail.live.dueAt &&
                      tr(`，期限 ${formatTime(detail.live.dueAt)}`, `, due ${formatTime(detail.live.dueAt)}`)}
                  </div>
                )}
                {signed.map((e) => (
                  <div key={e.seq} style={{ fontSize: 12 }}>
                    {e.actorName} · {conclusionName(e.decision, lang)} · {formatTime(e.recordedAt)}
                  </div>
                ))}
              </div>
            ),
          };
        }),
        ...(terminal
          ? [{ color: 'red', children: <Typography.Text strong>{stageName(stage, lang)}</Typography.Text> }]
          : []),
      ]}
    />
  );
}
