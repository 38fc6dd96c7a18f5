import * as React from "react"

import { cn } from "@/lib/utils"

function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      // .ui-input: app/globals.css (named once, not 600 bytes on every field).
      className={cn("ui-input", className)}
      {...props}
    />
  )
}

export { Input }
