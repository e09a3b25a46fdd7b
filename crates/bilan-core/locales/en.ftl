# bilan's messages in English. One entry per message; `{ $name }` is a value
# bilan puts in. Field names between backticks are the YAML keys: keep them.
# Every id here must also be in fr.ftl, with the same variables (a test
# checks it).

## Shared

level-error = error:
level-warning = warning:
level-hint = hint:
characters = { $count ->
    [one] { $count } character
   *[other] { $count } characters
}
did-you-mean = did you mean `{ $name }`?
field-empty = `{ $field }` is empty

## Semantic checks (validate)

region-code-twice = region code `{ $code }` is listed twice
code-used-twice = code `{ $code }` is also used by `{ $other }`
project-title-empty = project { $project }: `title` is empty
project-year-outside = project { $project }: year { $year } is outside { $first }–{ $last }
project-year-outside-hint = write the year as four digits, for example `2021`
region-is-name = `{ $name }` is the name; write its code, `{ $code }`
region-use-codes = use one of the codes in content/site.yaml ({ $codes }), or add the region there
region-unknown = region `{ $region }` is not one of the regions in content/site.yaml
text-too-long-for-xlsx = a text of { $length } characters is longer than a spreadsheet cell holds: the XLSX exports cut it (CSV and JSON keep it whole)
text-too-long-for-xlsx-hint = check for text pasted by mistake
commune-as-intercommunality = `{ $name }` looks like a commune (it ends with an INSEE commune code), not an intercommunality
commune-as-intercommunality-hint = move it from `intercommunalities:` to `communes:`
value-implausible = project { $project }: `{ $key }` is { $value }, more than a programme plausibly reports
value-implausible-hint = check for extra digits
value-above-bound = project { $project }: `{ $key }` ({ $value }) is greater than `{ $bound }` ({ $bound_value })
value-above-bound-hint = check for a missing or extra digit
page-territory-unreadable = `territory: { $slug }` refers to content/territories/{ $slug }.yaml, which cannot be read: see its errors
page-territory-unreadable-hint = fix that record first; this page is checked again then
page-territory-unknown = `territory: { $slug }` matches no file in content/territories/
territory-sum-overflow = the projects' `{ $key }` add up to more than 18 446 744 073 709 551 615, which no total can hold
territory-sum-overflow-hint = check the amounts for extra digits
programme-sum-overflow = the programme's `{ $key }` adds up to more than any total can hold; the largest come from { $files }
declared-unknown = `programme.declared.{ $name }` is neither a count nor a metric
declared-unknown-hint = declare one of { $known }
declared-differs-shown = declared { $name } is { $declared } but the records add up to { $computed }; pages show the declared figure with its source
declared-differs-computed = declared { $name } is { $declared } but the records add up to { $computed }; pages show the records' total (`programme.show: computed`), with the declared figure in its note

## The command line's reports (src/main.rs)

new-created = Created a new site in { $dir }.

    Next:
    { $dsfr }  bilan build --root { $dir }      # writes { $dir }/output/
      open { $dir }/output/index.html

    Edit { $dir }/content/site.yaml and add one file per territory in { $dir }/content/territories/.
    The team's guide (in French): { $guide }
new-next-dsfr = {"  "}(cd { $dir } && npm ci)         # the DSFR; accept its terms first (.dsfr.yml or DSFR_ACCEPT_LICENSE=1)
external-links = { $count ->
    [one] { $count } external link, listed and not fetched:
   *[other] { $count } external links, listed and not fetched:
}
summary-failed = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}{ $strict }: nothing was written.
held-embargo = under embargo until { $until }
held-draft = draft
held-shown = shown in this preview, with a banner
held-embargo-fate = not published; the first build after that time publishes it
held-not-published = not published
changed-heading = Changed since the last build:
changed-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}: { $list }
and-more = +{ $count } more
leftover-site = { $dir } holds an earlier site that could not be removed (a file in it is protected); the new site is in place: remove that folder by hand
summary-built = Built { $files } files, { $charts } charts: { $written } written, { $unchanged } unchanged, { $removed } removed; { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}; { $millis } ms.
summary-checked = Checked { $files } files: { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}; { $millis } ms.
kept-unrecorded = note: the output folder has no record of the files the last build wrote (a new cache): { $count ->
    [one] { $count } file that this site does not have was kept
   *[other] { $count } files that this site does not have were kept
}: { $list }; delete those that are stale
kept = Kept in the output, not written by bilan: { $list }
cache-inside = note: the cache { $dir } is inside the site folder: each entry was checked against its digest before use
cache-rejected = { $count ->
    [one] { $count } cache entry did not match its digest (brought by a checkout, or changed by hand) and was made again
   *[other] { $count } cache entries did not match their digest (brought by a checkout, or changed by hand) and were made again
}
import-failed = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}: nothing was written.

## --help

help-usage = Usage:
help-commands = Commands
help-options = Options
help-arguments = Arguments
help-help = Print help
help-version = Print version
help-about = Static-site generator for programme reporting: territory records and Markdown narratives in, a report website out.
help-build = Validate everything, then render the site into the output folder.
help-build-long = Validate everything, then render the site into the output folder.

    The new site is built beside the old one and swapped in only when complete: a failed build leaves the previous output as it was.
help-output = Where to write the site [default: ROOT/output].
help-base-url = Absolute URL the site is served from (for the sitemap and feeds); overrides `base_url` in site.yaml.
help-drafts = Also publish drafts and press releases still under embargo.
help-now = Fix "today" (RFC 3339 or YYYY-MM-DD) for embargoes and the "generated on" stamp; SOURCE_DATE_EPOCH is used when absent.
help-cache-dir = Where to keep the build cache (chart PNGs, cards, PDFs, build state) [default: BILAN_CACHE_DIR, else the user's cache folder, e.g. ~/.cache/bilan/<site>-<hash>]. Point a CI cache at it.
help-check = Validate content and internal links; write nothing.
help-serve = Build, serve on http://127.0.0.1:1111/, rebuild on change and reload open pages.
help-serve-long = Build, serve on http://127.0.0.1:1111/, rebuild on change and reload open pages.

    The site is built into a private folder; a failed rebuild is shown in the terminal and in the browser while the last good site stays served.
help-root = The site folder, holding content/ [default: .].
help-port = Port to listen on [default: 1111].
help-bind = Address to listen on; only loopback unless you say otherwise (for example 0.0.0.0 to preview from another device) [default: 127.0.0.1].
help-serve-drafts = Also show drafts and press releases still under embargo.
help-serve-cache-dir = Where to keep the build cache [default: as for `build`].
help-import = Read projects from a spreadsheet into the territory records.
help-import-long = Read projects from a spreadsheet into the territory records.

    One row per project, under a header row (the first of the first 20 rows that names a territory and a title column; rows above it, such as a title, are left out): a column names the territory (a record's `code` or file name), the others the project fields: title, company, sector, year and each metric of site.yaml. A column whose header is a field's key or label maps by itself (case and accents ignored); --map gives the others. French numbers (`8 091 000`, `27 250 €`) and dates (Excel, dd/mm/yyyy, ISO) are read. Each record named in the sheet gets its `projects:` list replaced, every other line and comment kept; records not in the sheet are left alone. Every bad cell is reported as FILE:SHEET!CELL, and nothing is written unless all are good.
help-import-file = The spreadsheet: .csv (comma, semicolon or tab; UTF-8 or Windows-1252), .xlsx or .ods.
help-import-map = A YAML file mapping project fields to column headers, such as `title: "Intitulé du projet"` and `jobs_created: "Emplois"`.
help-import-sheet = The sheet to read [default: the first sheet whose header row names a territory and a title column].
help-import-dry-run = Print what would change; write nothing.
help-new = Create a minimal site that builds at once: one region, two territories, a narrative and a press release, with CI files for GitLab and GitHub Pages that install a pinned bilan release.
help-new-dir = The folder to create (must be missing or empty).
help-new-theme = `default`, or `dsfr` (the State design system): also writes package.json and package-lock.json for `npm ci` [default: default].
help-strict = Fail on warnings too (for example when computed totals differ from the declared figures).

## site.yaml and kit.yaml checks (validate/site_checks.rs)

use-one-of = use one of: { $names }
legal-missing = the legal notice lacks { $fields }: its page says "not given" there
legal-missing-hint = add them under `legal:` in site.yaml (publisher, director, host, contact), as French law asks of a public site
accessibility-no-audit = `accessibility.status` claims conformity, but no `audit_date` says when an audit found it: the statement says "non conforme"
accessibility-no-audit-hint = add `audit_date:` (the date of the RGAA audit) under `accessibility:`, or set `status: none`
photo-missing = photo `{ $file }` is not in content/static
photo-missing-hint = put the file under content/static and give its path from there, for example `photos/usine.jpg`
photo-not-image = photo `{ $file }` is neither a JPEG nor a PNG
photo-not-image-hint = export it as .jpg or .png
photo-no-alt = photo `{ $file }` has an empty `alt`
photo-no-alt-hint = say in a sentence what the photo shows, for readers who cannot see it
kit-region-unknown = `regions:` names region `{ $code }`, which site.yaml does not list
kit-region-unknown-hint = use one of the codes of site.yaml's regions: { $codes }
photo-too-large = photo `{ $file }` declares { $width } × { $height } pixels; bilan reads photos of at most { $megapixels } megapixels
photo-too-large-hint = export a smaller version (3000 pixels wide is plenty for print)
photo-unreadable = photo `{ $file }` is not a readable JPEG or PNG
photo-unreadable-hint = export it again as .jpg or .png
colour-by-unknown = `map.colour_by: { $key }` is not a metric of this site
favicon-missing = `favicon: { $icon }` is not a file of content/static/
favicon-missing-hint = put the icon (SVG, PNG or ICO) in content/static/ and give its path from there, or remove `favicon:` to let bilan draw one from the site's initials

## Import (import/)

cannot-read = cannot read { $path }
import-line-unreadable = this line cannot be read: { $problem }
import-line-unreadable-hint = check the quotes on this line: a cell that contains the separator or a quote must be quoted, with inner quotes doubled
import-map-unreadable = cannot read the map file
import-sheet-empty = the sheet is empty
import-too-many-columns = the header row spans { $count } columns; bilan reads at most { $max }
import-too-many-columns-hint = keep one row of headers with the project fields, then one row per project
import-same-field = columns { $first } and { $second } hold the same field
import-same-field-hint = remove one, or map them with --map
import-what-territory = territory (a record's code or slug)
import-what-title = project title
import-no-column = no column holds the { $what }
import-no-column-hint = name a column `{ $key }`, or map one in a file given with --map (a line such as `{ $key }: "{ $example }"`); the headers are: { $headers }
import-map-one-of = map one of { $keys }
import-map-unknown-field = --map names `{ $key }`, which is not a project field
import-headers-are = the headers are: { $headers }
import-map-no-header = --map gives `{ $header }` for `{ $key }`, but no column has that header
import-forbidden-char = character { $code } is not allowed in a record
import-forbidden-char-hint = remove it from the cell: it often comes with text pasted from another program
import-uncomputed = the formula `={ $formula }` has no computed value in the file
import-uncomputed-hint = open the file in Excel or LibreOffice and save it again (or paste the values), so that each formula's result is stored
import-no-territory = the row names no territory
import-ambiguous-territory = territory "{ $key }" names two records (see their error): the row could go to either
import-no-title = the project has no title
import-key-twice = `{ $key }` names this record and { $others }: a row naming it could go to either, so the import stops
import-key-twice-hint = give each record a `code` that no other record has as its code or file name
import-unknown-territory = territory "{ $key }" matches no record's code or slug
import-territory-is-name = that is the name of `{ $slug }`: name the territory by its code or slug
import-territory-did-you-mean = did you mean `{ $name }`? The import never creates records: add the record first if it is new
import-territory-never-created = the import never creates records: add the record in content/territories/ first
cell-not-whole = { $value } is not a whole number
cell-fraction = { $value } is not a whole number: figures are whole euros or whole counts
cell-negative = { $value } is not a whole number of 0 or more
cell-hint-empty = leave the cell empty: an empty cell is read as "not reported", never as 0
cell-hint-share = a share is not a figure the records add up: give the count or the amount
cell-hint-brackets = figures are 0 or more; brackets mark a negative amount in accounting
cell-hint-in-full = write the figure in full: `{ $figure }`
cell-hint-in-full-whole = write the figure in full, as a whole number
cell-not-year = { $value } is not a year or a date (write `2021`, `11/10/2021` or `2021-10-11`)
csv-mixed-encodings = the file mixes encodings: it is UTF-8, but byte { $byte } on line { $line } is not, so its accents cannot be read safely
csv-mixed-encodings-hint = save the file again as "CSV UTF-8" (Excel) or with the UTF-8 character set (LibreOffice), or fix that line
ods-too-large = a sheet spans { $count } cells (rows × columns up to its last value); bilan reads at most { $max }
ods-too-large-hint = delete the empty rows and columns before the last value, or save the sheet as .xlsx or .csv
import-formats = bilan imports .csv, .xlsx and .ods files
import-formats-hint = save the spreadsheet in one of these formats
sheet-unknown = { $file } has no sheet named `{ $sheet }`
sheet-list = { $near }its sheets are { $sheets }
sheet-none = { $file } has no sheet
sheet-cannot-open = cannot open { $file } as a spreadsheet
sheet-cannot-read = cannot read sheet `{ $sheet }` of { $file }
import-declared-differs = `programme.declared.{ $name }` is { $declared }; the records now add up to { $computed }. If the new figure is the one to publish, change that line to `{ $name }: { $raw }`; pages show the declared figure until then.
import-read = Read { $rows ->
    [one] { $rows } project row
   *[other] { $rows } project rows
} from { $file } (sheet { $sheet }) for { $records ->
    [one] { $records } territory record
   *[other] { $records } territory records
}.
import-ignored = Ignored columns: { $columns }.
import-sheets-passed = { $count ->
    [one] Sheet { $sheets } has no territory and title columns: sheet { $sheet } was read.
   *[other] Sheets { $sheets } have no territory and title columns: sheet { $sheet } was read.
}
import-header-row = Header row: { $row }; { $count ->
    [one] row { $rows } above it was not read.
   *[other] rows { $rows } above it were not read.
}
import-other-sheets = ; the workbook's sheets are: { $sheets } (choose one with --sheet)
import-record-change = { $added } added, { $removed } removed, { $changed } changed, { $unchanged } unchanged
import-up-to-date = { $count ->
    [one] { $count } record already up to date.
   *[other] { $count } records already up to date.
}
import-totals = Totals, before → after:
import-projects = projects
import-dry-run = Dry run: nothing written ({ $count ->
    [one] { $count } record would change
   *[other] { $count } records would change
}).
import-updated = Updated { $count ->
    [one] { $count } record
   *[other] { $count } records
}.

## Files that stay inside the site (sandbox.rs, routes/collisions.rs)

file-unreadable = cannot read: { $error }
site-folder-unreadable = cannot read the site folder: { $error }
link-outside-site = this is a link to `{ $target }`, outside the site: bilan reads nothing outside the site folder
link-outside-site-hint = copy the file into the site instead of linking to it
link-into-output = this is a link into `{ $target }`, which bilan generates: the site would copy itself at every build
link-into-output-hint = remove the link
link-outside-folder = this is a link to `{ $target }`, outside `{ $folder }`: only files inside it are published as they are
link-outside-folder-hint = copy the file into that folder if it is meant to be published, or remove the link
not-regular-file = this is not a regular file, so it is not published
hard-link-to-source = this is the same file as `{ $source }` (a hard link): a source of the site is never published as it is
hard-link-to-source-hint = remove the link, or copy what is meant to be public
slug-twice = this record and { $other } have the same slug `{ $slug }`, so both would write `{ $output }`
slug-twice-hint = rename one of the two files
static-replaces-page = this file would replace `{ $file }`, the page bilan makes from { $source }
static-replaces-generated = this file would replace `{ $file }`, which bilan generates
static-replaces-hint = rename or move the file
region-code-empty-slug = region code `{ $code }` has no letter or digit to name its page
region-code-empty-slug-hint = use letters and digits in region codes, such as `84`
region-codes-collide = region codes `{ $first }` and `{ $second }` would both write `regions/{ $slug }/`
region-codes-collide-hint = make the codes differ by more than case, accents or punctuation
narratives-collide = this narrative and { $other } would both write `{ $output }`
narratives-collide-hint = rename or move one of them
narrative-reserved = this narrative would write into `{ $folder }/`, which the generator owns
narrative-reserved-hint = move it to another folder or rename it
release-is-kit = `presse/kit/` is the press kit page
release-is-kit-hint = rename the release

## Loading content (content/, validate/markdown.rs)

not-a-site = { $path } not found: this folder is not a bilan site.
not-a-site-hint = run bilan in a site folder, pass --root DIR, or create a site with `bilan new DIR`
record-not-yaml = ignored: territory records end in `.yaml`
record-not-yaml-hint = rename the file to `<slug>.yaml`
map-file-outside = map outline file `{ $file }` is not a path inside content/
map-file-outside-hint = give a path relative to content/ without `..` or a leading `/`, such as `map/territories.geojson`
map-file-missing = map outline file `{ $file }` not found under content/
map-file-missing-hint = give a path relative to content/, such as `map/territories.geojson`
link-loop = symbolic link loop: this link points back to a folder that contains it
not-utf8 = the file is not valid UTF-8
not-utf8-hint = save the file as UTF-8 in your editor
bad-slug = `{ $slug }` is not a valid slug: use lowercase ASCII letters, digits and `-`
rename-file = rename the file to `{ $name }`
page-not-md = ignored: pages end in `.md`
release-nested = ignored: press releases live directly in content/press/
narrative-index = `narratives/index.md` would replace the home page
narrative-index-hint = name the home introduction `_index.md`
no-front-matter = missing front matter
no-front-matter-hint = start the file with a `---` line, then `title: …`, then another `---` line
embargo-format = `embargo` is not an RFC 3339 date-time: { $error }
embargo-format-hint = write it like `2021-10-11T10:00:00+02:00`, with a time zone
forbidden-char = character { $code } is not allowed: no web page, feed or PDF can hold it
forbidden-char-hint = remove it: it often comes with text pasted from another program
dangerous-link = link to `{ $url }`: script and data URLs are never published
dangerous-link-hint = link to an http(s) page or to a file of the site
raw-html = raw HTML `{ $html }` is left out of the page
raw-html-hint = write it in Markdown, or set `markdown: {"{"} raw_html: true {"}"}` in content/site.yaml to let raw HTML through
heading-attribute = heading attribute `{ $attribute }` is left out: a heading keeps only `#id` and `.class` made of letters, digits, `-` and `_`
heading-attribute-hint = write `{"{"}#my-id .my-class{"}"}` after the heading, or remove the attribute
raw-html-more = { $count ->
    [one] { $count } more piece of raw HTML is left out of the page
   *[other] { $count } more pieces of raw HTML are left out of the page
}

## YAML (yaml/)

yaml-empty = the file is empty
yaml-empty-hint = write the record's fields, for example `name:` and `region:`
yaml-aliases = its aliases (`*name`) repeat so much text that it would take more than { $mebibytes } MiB once read
yaml-aliases-hint = write the values out, or use fewer aliases: bilan reads at most four times a file's size plus 8 MiB
yaml-duplicate-key = duplicate key `{ $key }` (first set on line { $first })
yaml-duplicate-key-hint = remove one of the two lines: only one value can be kept
yaml-control-char = control character { $code } is not allowed
yaml-char = character { $code } is not allowed
yaml-control-char-unknown = a control character is not allowed
yaml-two-documents = this file holds more than one YAML document
yaml-two-documents-hint = a file is one record: remove this `---` line, or move what follows into a file of its own
yaml-date = { $field }: `{ $value }` is not a date written YYYY-MM-DD, such as 2021-10-11
yaml-date-rewrite = write `{ $date }`: dates are written YYYY-MM-DD (AAAA-MM-JJ)
yaml-date-hint = write the date as YYYY-MM-DD (AAAA-MM-JJ), for example `2021-10-11`
yaml-figure-hint = write `{ $digits }`: figures are written without spaces or units
yaml-missing-field-hint = add the required field `{ $field }:`
yaml-list-not-record-hint = a record is a list of `field: value` lines; remove the leading `- `
yaml-syntax-hint = check the quotes, colons and indentation on this line and the one before
yaml-no-fields-here = this record takes no fields here
yaml-french-field = did you mean `{ $field }`? Fields are written in English
yaml-project-field = `{ $unknown }` is `{ $field }`, a project's field: write it in a project, under `projects:`
yaml-known-fields = known fields are { $known }
yaml-unknown-field = unknown field `{ $field }`, expected { $expected }
yaml-missing-field = missing field `{ $field }`
yaml-invalid-type = invalid type: { $found }, expected { $expected }
yaml-invalid-value = invalid value: { $found }, expected { $expected }
yaml-syntax = { $detail }
yaml-other = { $detail }
yaml-found-string = string { $value }
yaml-found-integer = integer { $value }
yaml-found-float = floating point { $value }
yaml-found-boolean = boolean { $value }
yaml-found-sequence = sequence
yaml-found-map = map
yaml-found-nothing = unit value
yaml-expected-count = a whole number of 0 or more
yaml-expected-whole = a whole number
yaml-expected-boolean = `true` or `false`
yaml-expected-text = text
yaml-expected-list = a list, such as `["a", "b"]`
yaml-expected-mapping = a mapping of `field: value` lines

## Themes, output, maps, DSFR (theme.rs, output/, charts/, dsfr.rs, build/)

metric-at-most-unknown = `at_most: { $other }` of metric `{ $key }` names no other metric
metric-key-invalid = metric key `{ $key }` is not a valid field name
metric-key-invalid-hint = use lowercase ASCII letters, digits and `_`, starting with a letter, such as `jobs_created`
metric-key-taken = metric key `{ $key }` is already a project field or a count
metric-key-export-column = metric key `{ $key }` is a column of the open-data exports, which it would overwrite
metric-key-export-column-hint = choose another key (`{ $key }_total`, for example); reserved names: { $reserved }
metric-file-invalid = metric file name `{ $file }` is not a valid slug
metric-file-invalid-hint = use lowercase ASCII letters, digits and `-`
metric-twice = metric `{ $key }` is declared twice
metric-file-twice = metrics `{ $key }` and another one would both draw charts named `{ $file }`
metric-file-twice-hint = give one of them another `file:`
theme-colour = `{ $value }` is not a colour written as `#rrggbb`
theme-name-invalid = theme `{ $theme }` is not a theme name: it must name a folder of themes/, without `/` or `..`
theme-name-invalid-hint = set `theme: default` in content/site.yaml, or the name of a folder in themes/
theme-missing = theme `{ $theme }` not found: { $dir } does not exist
theme-missing-hint = set `theme: default` in content/site.yaml or add the theme folder
template-error = template error: { $detail }
output-in-root = the site root
output-in-content = the content folder
output-in-themes = the themes folder
output-in-templates = the templates folder
output-refused = refusing to write into { $dir } ({ $what }): choose another --output
output-contains-root = refusing to write into { $dir }: it contains the site root; choose another --output
output-is-file = --output { $dir } is a file, not a folder
output-not-ours = refusing to replace { $dir }: it is not empty and was not created by bilan
output-not-ours-hint = choose an empty or new folder for --output
map-region-key-hint = set `map.region_key` in site.yaml to the property holding the region code
map-missing-outlines = { $count ->
    [one] { $count } territory has no outline and is not on the map: { $names }
   *[other] { $count } territories have no outline and are not on the map: { $names }
}
map-missing-outlines-hint = give each territory a `code` matching the `{ $key }` property of an outline
geojson-invalid = not valid GeoJSON: { $error }
geojson-no-features = not a GeoJSON FeatureCollection: no `features` list
geojson-no-key = feature { $feature } has no `{ $key }` property
geojson-no-geometry = feature `{ $feature }` has no geometry
geojson-no-coordinates = feature `{ $feature }` has no coordinates
geojson-geometry = feature `{ $feature }`: geometry { $geometry } is not a Polygon or MultiPolygon
base-url-relative = `base_url` is `{ $base }`, not the site's address: the sitemap, the feed and social cards get relative links, which search engines and feed readers reject
base-url-relative-hint = set `base_url: "https://www.example.gouv.fr/bilan/"` in site.yaml, or build with `--base-url https://…` in CI
broken-link = link to `{ $target }` on page `{ $page }` points at no page, file or anchor of the site
dsfr-missing = theme `dsfr` needs the State design system (DSFR), which bilan does not ship: { $file } was not found
dsfr-missing-hint = in { $root }, run `npm install @gouvfr/dsfr`; the package asks you to accept its terms of use first (`npm create @gouvfr/dsfr@latest` writes .dsfr.yml, or set DSFR_ACCEPT_LICENSE=1), then build again
dsfr-url-climbs = the stylesheet refers to `url({ $url })`, which climbs out of the package: bilan publishes nothing outside it
dsfr-url-climbs-hint = reinstall the package (`npm ci`, or `rm -rf node_modules && npm install`)

## Addresses, cache, new sites, serve (url.rs, cache.rs, scaffold.rs, serve/)

cannot-write = cannot write { $path }
cannot-create = cannot create { $path }
cannot-watch = cannot watch { $path }
cannot-prepare = cannot prepare { $path }
not-email = `{ $value }` is not an e-mail address
not-contact = `{ $value }` is neither an e-mail address nor an http(s) page
not-base-url = `{ $value }` is neither a path such as `/` or `/bilan/` nor an http(s) URL
contact-hint = give an e-mail address such as `contact@example.org` or a page such as `https://example.org/contact`
email-hint = give an e-mail address such as `presse@example.org`
base-url-hint = write `/` or a URL such as `https://example.org/bilan/`
cache-link-hint = remove it: the cache is rebuilt by the next build (or set --cache-dir / BILAN_CACHE_DIR to a plain folder)
cache-is-link = the cache folder { $dir } is a link: bilan never writes or prunes through a link
cache-refused = refusing to keep the cache in { $dir } ({ $what }): its entries would be read as the site's sources or published
cache-refused-hint = choose another --cache-dir (or BILAN_CACHE_DIR), outside the content, the themes and the output; leaving both out keeps the cache in the user's cache folder
output-folder = the output folder
cache-not-folder = the cache folder { $dir } is not a folder
cache-holds-link = the cache folder { $dir } holds a link, { $link }: bilan never reads or writes through a link
new-theme-unknown = `--theme { $theme }` is not a theme bilan ships: use one of { $themes }
new-not-empty = { $dir } is not empty: `bilan new` only writes into a new or empty folder
now-invalid = --now `{ $value }` is not a date-time
now-invalid-hint = write `2021-10-11T10:00:00+02:00` or `2021-10-11`
epoch-invalid = SOURCE_DATE_EPOCH `{ $value }` is not a number of seconds
epoch-range = SOURCE_DATE_EPOCH `{ $value }` is out of range
foreign-clash = { $count ->
    [one] { $files } in { $dir } was not written by bilan, and the new site has a file at that path: bilan never deletes a file it did not write
   *[other] { $files } in { $dir } were not written by bilan, and the new site has a file at those paths: bilan never deletes a file it did not write
}
foreign-clash-hint = move { $count ->
    [one] it
   *[other] them
} out of the output folder (or into content/static/ to publish it), then build again
serve-serving = Serving { $root } at { $address } (Ctrl-C to stop)
serve-stopped = Stopped.
serve-cannot-listen = cannot listen on { $address }
serve-updated = Updated in { $millis } ms: pages are served from it; writing the other files.
serve-failed = Build failed; still serving the last good site.
serve-wrote = Wrote the site: { $written } written, { $unchanged } unchanged, { $removed } removed; { $millis } ms.

## Progress (progress.rs): one id per stage, its English name's words joined by `-`

progress-loaded-content = Loaded content
progress-validated-and-aggregated = Validated and aggregated
progress-drew-charts = Drew charts
progress-rendered-and-staged = Rendered and staged
progress-swapped-in = Swapped in
progress-loaded-the-records = Loaded the records
progress-read-the-spreadsheet = Read the spreadsheet
progress-checked-every-cell = Checked every cell
progress-wrote-the-records = Wrote the records
progress-wrote-share-cards = wrote share cards
progress-wrote-pages = wrote pages
progress-wrote-feeds = wrote feeds
progress-wrote-charts = wrote charts
progress-wrote-territory-charts = wrote territory charts
progress-wrote-exports = wrote exports
progress-wrote-search-index = wrote search index
progress-wrote-pdfs = wrote PDFs
progress-wrote-regional-kits = wrote regional kits
progress-wrote-kit-zip = wrote kit zip
progress-kept-share-cards = kept share cards as they were
progress-kept-charts = kept charts as they were
progress-kept-territory-charts = kept territory charts as they were
progress-kept-exports = kept exports as they were
progress-kept-search-index = kept the search index as it was
progress-kept-pdfs = kept PDFs as they were
progress-kept-regional-kits = kept regional kits as they were
progress-kept-kit-zip = kept the kit zip as it was
progress-kept-pages = kept pages as they were

## Reading past a YAML syntax error (yaml/recover.rs)

yaml-skipped = { $count ->
    [one] line { $first } (in `{ $key }`) was left out to read the rest of the file past this syntax error: what it holds was not checked
   *[other] lines { $first }–{ $last } (in `{ $key }`) were left out to read the rest of the file past this syntax error: what they hold was not checked
}
yaml-skipped-hint = fix the syntax error, then check again: those lines are checked then
yaml-unchecked = the rest of this file could not be checked past this syntax error

## Files that could not be made (charts/, error.rs, output/, render/)

chart-png-failed = cannot encode this chart as PNG: { $error }
chart-territory-failed = cannot draw this territory's chart: { $error }
chart-region-failed = cannot draw the charts of region `{ $code }`: { $error }
file-not-made = cannot make this file: { $error }
pdf-failed = cannot write this PDF: { $error }
output-cannot-move = cannot move the new site to { $dir }
output-cannot-remove-old = cannot remove { $dir }, left by an earlier build: a file in it is protected
output-cannot-move-aside = cannot move { $dir } aside
foreign-cannot-keep = cannot keep { $path }, which bilan did not write
import-cannot-replace = cannot replace { $path }: no record was changed
