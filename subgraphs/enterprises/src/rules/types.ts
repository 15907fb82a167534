/** A refusal: the rule's stable code, words a clerk understands, and the input field at fault. */
export interface Refusal {
  code: string;
  message: string;
  field?: string | null;
}

export const refuse = (code: string, message: string, field?: string): Refusal => ({
  code,
  message,
  field: field ?? null,
});
