// The few nodemailer calls we make (the package ships no types and @types/nodemailer is not installed).
declare module 'nodemailer' {
  export type SendMailOptions = { from: string; to: string; subject: string; text: string; html?: string };
  export type Transporter = { sendMail(message: SendMailOptions): Promise<{ rejected?: unknown[] }> };
  export function createTransport(url: string): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
