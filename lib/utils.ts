import { clsx, type ClassValue } from "clsx"
import { twMerge } from "tailwind-merge"

export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs))
}

/** Upper-case initials for an avatar fallback, e.g. ("ada", "lovelace") -> "AL". */
export function initials(firstName: string, lastName: string): string {
  const first = (firstName ?? "").trim().charAt(0)
  const last = (lastName ?? "").trim().charAt(0)
  const result = `${first}${last}`.toUpperCase()
  return result || "?"
}
