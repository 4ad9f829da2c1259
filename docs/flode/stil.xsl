<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a SweCan Atom feed looks when a person opens it in a web browser: a short
  Swedish explanation of what a feed is and the entries as a list. Feed readers
  ignore this file. No scripts, no resources from other hosts.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <xsl:template match="/atom:feed">
    <html lang="sv">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (flöde)</title>
        <style>
          body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                 color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 44rem;
                 padding: 1rem; }
          h1 { font-size: 1.6rem; line-height: 1.25; }
          h2 { font-size: 1.15rem; margin: 0; }
          a { color: #283593; text-underline-offset: .15em; }
          a:focus-visible { outline: 3px solid #283593; outline-offset: 2px; }
          .om { background: #eef0f8; border-left: .3rem solid #283593; padding: .75rem 1rem; }
          code { word-break: break-all; }
          ol { list-style: none; padding: 0; }
          li { border-top: 1px solid #c7c7c7; padding: .75rem 0; }
          .datum { color: #4a4a4a; font-size: .95rem; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="atom:title"/></h1>
          <p><xsl:value-of select="atom:subtitle"/></p>
          <div class="om">
            <p>Det här är ett <strong>flöde</strong> (Atom). Kopiera adressen
              <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code>
              till en flödesläsare (till exempel i Outlook eller Thunderbird) så får du
              veta när något nytt publiceras.</p>
            <p><a href="{atom:link[@rel='alternate']/@href}">Till sidan på SweCans webbplats</a></p>
          </div>
          <h2>Senast publicerat</h2>
          <ol>
            <xsl:for-each select="atom:entry">
              <li>
                <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
                <div class="datum">Uppdaterad <xsl:call-template name="datum">
                  <xsl:with-param name="iso" select="atom:updated"/></xsl:call-template></div>
                <p><xsl:value-of select="atom:summary"/></p>
              </li>
            </xsl:for-each>
          </ol>
          <xsl:if test="not(atom:entry)"><p>Inget är publicerat i flödet ännu.</p></xsl:if>
          <p class="datum"><xsl:value-of select="atom:rights"/></p>
        </main>
      </body>
    </html>
  </xsl:template>
  <!-- 2026-10-17T00:00:00+02:00 -> 17 oktober 2026 (the site's date convention) -->
  <xsl:template name="datum">
    <xsl:param name="iso"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:value-of select="number(substring($iso, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$m = 1">januari</xsl:when><xsl:when test="$m = 2">februari</xsl:when>
      <xsl:when test="$m = 3">mars</xsl:when><xsl:when test="$m = 4">april</xsl:when>
      <xsl:when test="$m = 5">maj</xsl:when><xsl:when test="$m = 6">juni</xsl:when>
      <xsl:when test="$m = 7">juli</xsl:when><xsl:when test="$m = 8">augusti</xsl:when>
      <xsl:when test="$m = 9">september</xsl:when><xsl:when test="$m = 10">oktober</xsl:when>
      <xsl:when test="$m = 11">november</xsl:when><xsl:otherwise>december</xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($iso, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
