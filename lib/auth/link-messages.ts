// What a verification or reset link that cannot act says: on its page and when its button is pressed.

export const DEAD_ACCOUNT_LINK_TITLES = { unknown: "This link is not valid", used: "This link was already used", expired: "This link has expired" } as const;

export const VERIFY_LINK_MESSAGES = {
  unknown: "This verification link is not valid. Sign in and use Resend on the banner to get a new one.",
  used: "This verification link was already used.",
  expired: "This verification link has expired (links work for 24 hours). Sign in and use Resend on the banner to get a new one.",
} as const;

export const RESET_LINK_MESSAGES = {
  unknown: "This password reset link is not valid. A newer link replaces older ones: use the newest email, or ask for a new link.",
  used: "This password reset link was already used. Ask for a new link if you still need one.",
  expired: "This password reset link has expired (links work for 1 hour). Ask for a new link.",
} as const;
