import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "@/components/site-chrome";
import { publicBaseUrl } from "@/lib/env";
import { inter } from "./fonts";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(publicBaseUrl()),
    title: { default: "Pressroom — press conference archive", template: "%s — Pressroom" },
    description: "Search what officials answered, when, and who asked. Every answer has a permanent, citable link.",
    applicationName: "Pressroom",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#14324a" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>
        {/* React hoists this into <head> on every page: browsers offer to add the archive's search. */}
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title="Pressroom" />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
