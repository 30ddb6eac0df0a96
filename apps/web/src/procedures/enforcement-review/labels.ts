import type { Pair } from '../../pages/MajorDecisionSteps';

/** Names of the enforcement review's steps, fields and values, in Chinese and English. */
export const ENFORCEMENT_LABELS: {
  steps: Record<string, Pair>;
  fields: Record<string, Pair>;
  values: Record<string, Pair>;
} = {
  steps: {
    'submit-case': ['提交法制审核（送审）', 'Submit the case for review'],
    'request-materials': ['材料不齐，要求补充', 'Ask for missing materials'],
    'accept-materials': ['材料齐全，接收审核', 'Accept complete materials'],
    conclusion: ['法制审核意见', 'Review conclusion'],
    'request-extension': ['申请延长审核期限', 'Ask for an extension'],
    'decide-extension': ['批准延长审核期限', 'Decide on the extension'],
    'decide-transfer': ['决定是否移送', 'Decide on the transfer'],
    'record-transfer': ['移送公安机关', 'Transfer to the police'],
    'collective-discussion': ['负责人集体讨论', "Leaders' collective discussion"],
    decision: ['作出执法决定', 'Record the decision'],
    disclosure: ['公示执法决定', 'Disclose the decision'],
    'report-revocation': ['决定被撤销或变更', 'Report a revocation'],
    'withdraw-disclosure': ['撤回公示', 'Withdraw the disclosure'],
    archive: ['案卷归档', 'Archive the case file'],
  },
  fields: {
    materials: ['送审材料', 'Case materials'],
    missing: ['缺少的材料', 'Missing materials'],
    checklist: ['审核要点（逐项）', 'Checklist (each item)'],
    noConflictDeclared: ['本人与案件无利害关系（回避声明）', 'I have no interest in the case (recusal)'],
    approve: ['同意', 'Approve'],
    receivingOrgan: ['接受移送的公安机关', 'Receiving police organ'],
    letterReference: ['移送函文号', 'Transfer letter'],
    outcome: ['决定类型', 'Outcome'],
    decisionNumber: ['决定书文号', 'Decision number'],
    summary: ['决定内容', 'What is decided'],
    decidedSha256: ['所决定文本 SHA-256', 'SHA-256 of the text decided'],
    channel: ['公示渠道', 'Channel'],
    dissent: ['不同意见', 'Dissent'],
  },
  values: {
    AGREE: ['同意', 'Agree'],
    PROBLEMS: ['存在问题', 'Problems found'],
    TRANSFER: ['建议移送涉嫌犯罪案件', 'Transfer as a suspected crime'],
    PENALTY: ['给予行政处罚', 'Penalty'],
    NO_PENALTY: ['不予行政处罚', 'No penalty'],
    FACTS_NOT_ESTABLISHED: ['违法事实不能成立', 'Facts not established'],
    GRANTED: ['准予', 'Granted'],
    REFUSED: ['不予准予', 'Refused'],
    OTHER: ['其他', 'Other'],
  },
};
