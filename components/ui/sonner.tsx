"use client"

import {
  CircleCheckIcon,
  InfoIcon,
  Loader2Icon,
  OctagonXIcon,
  TriangleAlertIcon,
} from "lucide-react"
import { Toaster as Sonner, type ToasterProps } from "sonner"

// The project has no next-themes dependency: the toaster is always light.
const Toaster = ({ ...props }: ToasterProps) => {
  return (
    <Sonner
      theme="light"
      className="toaster group"
      richColors
      closeButton
      icons={{
        success: <CircleCheckIcon className="size-4" />,
        info: <InfoIcon className="size-4" />,
        warning: <TriangleAlertIcon className="size-4" />,
        error: <OctagonXIcon className="size-4" />,
        loading: <Loader2Icon className="size-4 animate-spin" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          // Sonner's rich-colour text is 3.1–4.4:1 on its tinted backgrounds; these reach 5:1.
          "--success-text": "hsl(140, 100%, 24%)",
          "--error-text": "hsl(360, 100%, 40%)",
          "--warning-text": "hsl(31, 92%, 32%)",
          "--info-text": "hsl(210, 92%, 40%)",
        } as React.CSSProperties
      }
      {...props}
    />
  )
}

export { Toaster }
