/**
 * What the applicant asks for besides the information itself (Art. 29(3)): the form of the information and the
 * way it should reach them. The wanted form also decides whether a per-volume fee may be charged (办法 第五条).
 */

export const WANTED_FORMS = ['paper', 'electronic', 'inspection', 'copying'] as const;
export type WantedForm = (typeof WANTED_FORMS)[number];

export const WANTED_FORM_LABELS: Readonly<Record<WantedForm, string>> = {
  paper: '纸质文本',
  electronic: '电子数据',
  inspection: '当场阅览',
  copying: '摘抄',
};

export const DELIVERY_CHANNELS = ['post', 'email', 'online', 'fax', 'collect'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_CHANNEL_LABELS: Readonly<Record<DeliveryChannel, string>> = {
  post: '邮寄',
  email: '电子邮件',
  online: '网上获取',
  fax: '传真',
  collect: '自行领取',
};

/** The answer the applicant asked for. */
export interface WantedAnswer {
  readonly form: WantedForm;
  readonly delivery: DeliveryChannel;
}

/**
 * 办法 第五条: a per-volume fee applies only when paper, e-mail or copied electronic data is asked for;
 * reading on the spot or copying by hand never carries one.
 */
export function allowsVolumeFee(answer: WantedAnswer): boolean {
  return answer.form === 'paper' || answer.form === 'electronic';
}
