import { Alert, App, Button, Form, Input, Space, Table } from 'antd';
import { Select } from '../../select';
import { useEffect, useState } from 'react';
import { get, post } from '../../api';
import { hasRole, useAuth } from '../../auth';
import { useLang, useTr } from '../../i18n';
import { explain, formatTime, stageName, statusName } from '../../labels';
import type { AdviserCandidate, RoutingOverview, Task } from '../../api/types';
import { Countdown } from '../../pages/Inbox';

export function TasksTable({ tasks, onDone }: { tasks: Task[]; onDone: () => Promise<void> }) {
  const { user } = useAuth();
  const { lang } = useLang();
  const tr = useTr();
  const canReassign = hasRole(user, 'LEGAL_AFFAIRS_OFFICER', 'SYSTEM_ADMIN');
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={tasks}
      rowClassName={(task) =>
        task.status === 'OPEN' && task.dueAt && Date.parse(task.dueAt) < Date.now() ? 'lg-row-overdue' : ''
      }
      columns={[
        { title: tr('任务', 'Task'), dataIndex: 'title' },
        { title: tr('阶段', 'Stage'), dataIndex: 'stage', render: (s: string) => stageName(s, lang) },
        { title: tr('状态', 'Status'), dataIndex: 'status', render: (s: string) => statusName(s, lang) },
        {
          title: tr('期限', 'Due'),
          key: 'due',
          render: (_, task) =>
            task.status === 'OPEN' ? (
              <Countdown dueAt={task.dueAt} problem={task.dueProblem} />
            ) : (
              formatTime(task.dueAt)
            ),
        },
        {
          title: tr('操作', 'Actions'),
          key: 'actions',
          render: (_, task) =>
            task.status === 'OPEN' && canReassign ? <ReassignButton task={task} onDone={onDone} /> : null,
        },
      ]}
    />
  );
}

export function ReassignButton({
  task,
  onDone,
}: {
  task: Pick<Task, 'id' | 'assigneeUserId'>;
  onDone: () => Promise<void> | void;
}) {
  const { message } = App.useApp();
  const { lang } = useLang();
  const tr = useTr();
  const [open, setOpen] = useState(false);
  const [advisers, setAdvisers] = useState<AdviserCandidate[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    get<RoutingOverview>('/api/admin/routing')
      .then((r) => setAdvisers(r.advisers.filter((a) => a.active && a.userId !== task.assigneeUserId)))
      .catch((err: unknown) => setError(err));
  }, [open, task.assigneeUserId]);
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {tr('改派', 'Reassign')}
      </Button>
    );
  }
  return (
    <Form
      layout="vertical"
      aria-label={tr('改派任务', 'Reassign the task')}
      onFinish={(v: { toUserId: string; reason: string }) =>
        void post(`/api/tasks/${task.id}/reassign`, v)
          .then(async () => {
            void message.success(tr('已改派', 'Reassigned'));
            setOpen(false);
            await onDone();
          })
          .catch((err: unknown) => setError(err))
      }
    >
      {!!error && <Alert type="error" message={explain(error, lang)} role="alert" />}
      <Form.Item
        label={tr('改派给', 'Reassign to')}
        name="toUserId"
        rules={[{ required: true, message: tr('请选择承办人', 'Choose who takes the task') }]}
      >
        <Select
          aria-label={tr('改派给', 'Reassign to')}
          options={advisers.map((a) => ({
            value: a.userId,
            label: tr(`${a.displayName}（在办 ${a.openTasks}）`, `${a.displayName} (${a.openTasks} open)`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={tr('改派理由', 'Reason')}
        name="reason"
        rules={[{ required: true, min: 2, message: tr('请填写改派理由', 'Give the reason for the reassignment') }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {tr('确认改派', 'Reassign')}
        </Button>
        <Button onClick={() => setOpen(false)}>{tr('取消', 'Cancel')}</Button>
      </Space>
    </Form>
  );
}
