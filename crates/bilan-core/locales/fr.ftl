# Les messages de bilan en français. Une entrée par message ; `{ $nom }` est
# une valeur que bilan insère. Les noms de champ entre accents graves sont
# les clés YAML : ne pas les traduire. Chaque identifiant doit aussi figurer
# dans en.ftl, avec les mêmes variables (un test le vérifie).

## Commun

level-error = erreur :
level-warning = avertissement :
level-hint = conseil :
characters = { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
}
did-you-mean = vouliez-vous dire `{ $name }` ?
field-empty = `{ $field }` est vide

## Contrôles de cohérence (validate)

region-code-twice = le code de région `{ $code }` figure deux fois
code-used-twice = le code `{ $code }` est aussi celui de `{ $other }`
project-title-empty = projet { $project } : `title` est vide
project-year-outside = projet { $project } : l’année { $year } est hors de { $first }–{ $last }
project-year-outside-hint = écrivez l’année sur quatre chiffres, par exemple `2021`
region-is-name = `{ $name }` est le nom ; écrivez son code, `{ $code }`
region-use-codes = utilisez l’un des codes de content/site.yaml ({ $codes }), ou ajoutez-y la région
region-unknown = la région `{ $region }` n’est pas l’une des régions de content/site.yaml
text-too-long-for-xlsx = un texte de { $length } caractères dépasse ce que tient une cellule de tableur : les exports XLSX le coupent (CSV et JSON le gardent entier)
text-too-long-for-xlsx-hint = vérifiez qu’aucun texte n’a été collé par erreur
commune-as-intercommunality = `{ $name }` ressemble à une commune (il finit par un code commune INSEE), pas à une intercommunalité
commune-as-intercommunality-hint = déplacez-le de `intercommunalities:` vers `communes:`
value-implausible = projet { $project } : `{ $key }` vaut { $value }, plus qu’un programme ne déclare vraisemblablement
value-implausible-hint = vérifiez qu’il n’y a pas de chiffres en trop
value-above-bound = projet { $project } : `{ $key }` ({ $value }) dépasse `{ $bound }` ({ $bound_value })
value-above-bound-hint = vérifiez qu’il ne manque pas un chiffre ou qu’il n’y en a pas un de trop
page-territory-unreadable = `territory: { $slug }` renvoie à content/territories/{ $slug }.yaml, qui ne peut pas être lu : voyez ses erreurs
page-territory-unreadable-hint = corrigez d’abord cette fiche ; cette page sera alors vérifiée à nouveau
page-territory-unknown = `territory: { $slug }` ne correspond à aucun fichier de content/territories/
territory-sum-overflow = les `{ $key }` des projets totalisent plus de 18 446 744 073 709 551 615, ce qu’aucun total ne peut contenir
territory-sum-overflow-hint = vérifiez qu’il n’y a pas de chiffres en trop dans les montants
programme-sum-overflow = le total `{ $key }` du programme dépasse ce que peut contenir un total ; les plus grands viennent de { $files }
declared-unknown = `programme.declared.{ $name }` n’est ni un décompte ni un indicateur
declared-unknown-hint = déclarez l’un de ceux-ci : { $known }
declared-differs-shown = le chiffre déclaré pour { $name } est { $declared } mais les fiches totalisent { $computed } ; les pages montrent le chiffre déclaré avec sa source
declared-differs-computed = le chiffre déclaré pour { $name } est { $declared } mais les fiches totalisent { $computed } ; les pages montrent le total des fiches (`programme.show: computed`), avec le chiffre déclaré dans sa note

## Les comptes rendus de la ligne de commande (src/main.rs)

new-created = Nouveau site créé dans { $dir }.

    Ensuite :
    { $dsfr }  bilan build --root { $dir }      # écrit { $dir }/output/
      open { $dir }/output/index.html

    Modifiez { $dir }/content/site.yaml et ajoutez un fichier par territoire dans { $dir }/content/territories/.
    Le guide de l’équipe : { $guide }
new-next-dsfr = {"  "}(cd { $dir } && npm ci)         # le DSFR ; acceptez d’abord ses conditions (.dsfr.yml ou DSFR_ACCEPT_LICENSE=1)
external-links = { $count ->
    [one] { $count } lien externe, listé et non consulté :
   *[other] { $count } liens externes, listés et non consultés :
}
summary-failed = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}{ $strict } : rien n’a été écrit.
held-embargo = sous embargo jusqu’au { $until }
held-draft = brouillon
held-shown = affiché dans cet aperçu, avec un bandeau
held-embargo-fate = non publié ; la première construction après cette heure le publie
held-not-published = non publié
changed-heading = Modifié depuis la dernière construction :
changed-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
} : { $list }
and-more = et { $count } de plus
leftover-site = { $dir } contient un site précédent qui n’a pas pu être supprimé (un de ses fichiers est protégé) ; le nouveau site est en place : supprimez ce dossier à la main
summary-built = { $files } fichiers construits, { $charts } graphiques : { $written } écrits, { $unchanged } inchangés, { $removed } supprimés ; { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
} ; { $millis } ms.
summary-checked = { $files } fichiers vérifiés : { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
} ; { $millis } ms.
kept-unrecorded = note : le dossier de sortie ne garde pas trace des fichiers écrits par la dernière construction (un cache neuf) : { $count ->
    [one] { $count } fichier que ce site n’a pas a été gardé
   *[other] { $count } fichiers que ce site n’a pas ont été gardés
} : { $list } ; supprimez ceux qui sont périmés
kept = Gardés dans la sortie, non écrits par bilan : { $list }
cache-inside = note : le cache { $dir } est dans le dossier du site : chaque entrée a été comparée à son empreinte avant usage
cache-rejected = { $count ->
    [one] { $count } entrée du cache ne correspondait pas à son empreinte (apportée par un checkout, ou modifiée à la main) et a été refaite
   *[other] { $count } entrées du cache ne correspondaient pas à leur empreinte (apportées par un checkout, ou modifiées à la main) et ont été refaites
}
import-failed = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
} : rien n’a été écrit.

## --help

help-usage = Utilisation :
help-commands = Commandes
help-options = Options
help-arguments = Arguments
help-help = Afficher l’aide
help-version = Afficher la version
help-about = Générateur de sites statiques pour le bilan d’un programme : des fiches de territoire et des récits en Markdown en entrée, un site de bilan en sortie.
help-build = Tout vérifier, puis construire le site dans le dossier de sortie.
help-build-long = Tout vérifier, puis construire le site dans le dossier de sortie.

    Le nouveau site est construit à côté de l’ancien et mis à sa place seulement une fois complet : une construction qui échoue laisse la sortie précédente telle quelle.
help-output = Où écrire le site [par défaut : RACINE/output].
help-base-url = Adresse absolue d’où le site est servi (pour le plan du site et les flux) ; remplace `base_url` de site.yaml.
help-drafts = Publier aussi les brouillons et les communiqués encore sous embargo.
help-now = Fixer « aujourd’hui » (RFC 3339 ou AAAA-MM-JJ) pour les embargos et la mention « généré le » ; SOURCE_DATE_EPOCH sert à défaut.
help-cache-dir = Où garder le cache de construction (PNG des graphiques, vignettes, PDF, état) [par défaut : BILAN_CACHE_DIR, sinon le dossier de cache de l’utilisateur, par ex. ~/.cache/bilan/<site>-<empreinte>]. Faites-y pointer un cache de CI.
help-check = Vérifier le contenu et les liens internes ; ne rien écrire.
help-serve = Construire, servir sur http://127.0.0.1:1111/, reconstruire à chaque modification et recharger les pages ouvertes.
help-serve-long = Construire, servir sur http://127.0.0.1:1111/, reconstruire à chaque modification et recharger les pages ouvertes.

    Le site est construit dans un dossier privé ; une reconstruction qui échoue s’affiche dans le terminal et dans le navigateur, et le dernier site valide reste servi.
help-root = Le dossier du site, qui contient content/ [par défaut : .].
help-port = Port d’écoute [par défaut : 1111].
help-bind = Adresse d’écoute ; seulement la boucle locale sauf indication contraire (par exemple 0.0.0.0 pour prévisualiser depuis un autre appareil) [par défaut : 127.0.0.1].
help-serve-drafts = Montrer aussi les brouillons et les communiqués encore sous embargo.
help-serve-cache-dir = Où garder le cache de construction [par défaut : comme pour `build`].
help-import = Lire les projets d’un tableur dans les fiches de territoire.
help-import-long = Lire les projets d’un tableur dans les fiches de territoire.

    Une ligne par projet, sous une ligne d’en-tête (la première des 20 premières lignes qui nomme le territoire et le titre ; les lignes au-dessus, un titre par exemple, sont laissées de côté) : une colonne nomme le territoire (le `code` d’une fiche ou son nom de fichier), les autres les champs du projet : title, company, sector, year et chaque indicateur de site.yaml. Une colonne dont l’en-tête est la clé ou le libellé d’un champ s’associe d’elle-même (casse et accents ignorés) ; --map donne les autres. Les nombres à la française (`8 091 000`, `27 250 €`) et les dates (Excel, jj/mm/aaaa, ISO) sont lus. Chaque fiche nommée dans la feuille voit sa liste `projects:` remplacée, toutes les autres lignes et commentaires gardés ; les fiches absentes de la feuille ne sont pas touchées. Chaque cellule fautive est signalée sous la forme FICHIER:FEUILLE!CELLULE, et rien n’est écrit tant qu’une seule est fautive.
help-import-file = Le tableur : .csv (virgule, point-virgule ou tabulation ; UTF-8 ou Windows-1252), .xlsx ou .ods.
help-import-map = Un fichier YAML qui associe des champs de projet à des en-têtes de colonne, comme `title: "Intitulé du projet"` et `jobs_created: "Emplois"`.
help-import-sheet = La feuille à lire [par défaut : la première dont une ligne d’en-tête nomme le territoire et le titre].
help-import-dry-run = Afficher ce qui changerait ; ne rien écrire.
help-new = Créer un site minimal qui se construit tout de suite : une région, deux territoires, un récit et un communiqué, avec des fichiers de CI pour GitLab et GitHub Pages qui installent une version figée de bilan.
help-new-dir = Le dossier à créer (absent ou vide).
help-new-theme = `default`, ou `dsfr` (le système de design de l’État) : écrit aussi package.json et package-lock.json pour `npm ci` [par défaut : default].
help-strict = Échouer aussi sur les avertissements (par exemple quand les totaux calculés diffèrent des chiffres déclarés).

## Contrôles de site.yaml et kit.yaml (validate/site_checks.rs)

use-one-of = utilisez l’un de ceux-ci : { $names }
legal-missing = il manque aux mentions légales { $fields } : leur page indique « non renseigné » à cet endroit
legal-missing-hint = ajoutez-les sous `legal:` dans site.yaml (éditeur, directeur de la publication, hébergeur, contact), comme la loi le demande à un site public
accessibility-no-audit = `accessibility.status` affirme une conformité, mais aucune `audit_date` ne dit quand un audit l’a constatée : la déclaration indique « non conforme »
accessibility-no-audit-hint = ajoutez `audit_date:` (la date de l’audit RGAA) sous `accessibility:`, ou indiquez `status: none`
photo-missing = la photo `{ $file }` n’est pas dans content/static
photo-missing-hint = placez le fichier dans content/static et donnez son chemin depuis ce dossier, par exemple `photos/usine.jpg`
photo-not-image = la photo `{ $file }` n’est ni un JPEG ni un PNG
photo-not-image-hint = exportez-la en .jpg ou en .png
photo-no-alt = la photo `{ $file }` a un `alt` vide
photo-no-alt-hint = dites en une phrase ce que montre la photo, pour qui ne peut pas la voir
kit-region-unknown = `regions:` nomme la région `{ $code }`, que site.yaml ne liste pas
kit-region-unknown-hint = utilisez l’un des codes des régions de site.yaml : { $codes }
photo-too-large = la photo `{ $file }` annonce { $width } × { $height } pixels ; bilan lit des photos de { $megapixels } mégapixels au plus
photo-too-large-hint = exportez une version plus petite (3000 pixels de large suffisent pour l’impression)
photo-unreadable = la photo `{ $file }` n’est pas un JPEG ou un PNG lisible
photo-unreadable-hint = exportez-la de nouveau en .jpg ou en .png
colour-by-unknown = `map.colour_by: { $key }` n’est pas un indicateur de ce site
favicon-missing = `favicon: { $icon }` n’est pas un fichier de content/static/
favicon-missing-hint = placez l’icône (SVG, PNG ou ICO) dans content/static/ et donnez son chemin depuis ce dossier, ou retirez `favicon:` pour que bilan en dessine une avec les initiales du site

## Import (import/)

cannot-read = impossible de lire { $path }
import-line-unreadable = cette ligne ne peut pas être lue : { $problem }
import-line-unreadable-hint = vérifiez les guillemets de cette ligne : une cellule qui contient le séparateur ou un guillemet doit être entre guillemets, les guillemets intérieurs doublés
import-map-unreadable = impossible de lire le fichier de correspondance
import-sheet-empty = la feuille est vide
import-too-many-columns = la ligne d’en-têtes s’étend sur { $count } colonnes ; bilan en lit { $max } au plus
import-too-many-columns-hint = gardez une ligne d’en-têtes avec les champs du projet, puis une ligne par projet
import-same-field = les colonnes { $first } et { $second } contiennent le même champ
import-same-field-hint = supprimez-en une, ou associez-les avec --map
import-what-territory = territoire (le code ou le nom de fichier d’une fiche)
import-what-title = intitulé du projet
import-no-column = aucune colonne ne contient le champ « { $what } »
import-no-column-hint = nommez une colonne `{ $key }`, ou associez-en une dans un fichier donné avec --map (une ligne comme `{ $key }: "{ $example }"`) ; les en-têtes sont : { $headers }
import-map-one-of = associez l’un de ceux-ci : { $keys }
import-map-unknown-field = --map nomme `{ $key }`, qui n’est pas un champ de projet
import-headers-are = les en-têtes sont : { $headers }
import-map-no-header = --map donne `{ $header }` pour `{ $key }`, mais aucune colonne n’a cet en-tête
import-forbidden-char = le caractère { $code } n’est pas permis dans une fiche
import-forbidden-char-hint = retirez-le de la cellule : il vient souvent d’un texte collé depuis un autre logiciel
import-uncomputed = la formule `={ $formula }` n’a pas de valeur calculée dans le fichier
import-uncomputed-hint = ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le à nouveau (ou collez les valeurs), pour que le résultat de chaque formule soit enregistré
import-no-territory = la ligne ne nomme aucun territoire
import-ambiguous-territory = le territoire « { $key } » désigne deux fiches (voyez leur erreur) : la ligne pourrait aller à l’une ou à l’autre
import-no-title = le projet n’a pas d’intitulé
import-key-twice = `{ $key }` désigne cette fiche et { $others } : une ligne qui le nomme pourrait aller à l’une ou à l’autre, l’import s’arrête donc
import-key-twice-hint = donnez à chaque fiche un `code` qu’aucune autre fiche n’a comme code ou nom de fichier
import-unknown-territory = le territoire « { $key } » ne correspond au code ni au nom de fichier d’aucune fiche
import-territory-is-name = c’est le nom de `{ $slug }` : désignez le territoire par son code ou son nom de fichier
import-territory-did-you-mean = vouliez-vous dire `{ $name }` ? L’import ne crée jamais de fiche : ajoutez d’abord la fiche si elle est nouvelle
import-territory-never-created = l’import ne crée jamais de fiche : ajoutez d’abord la fiche dans content/territories/
cell-not-whole = { $value } n’est pas un nombre entier
cell-fraction = { $value } n’est pas un nombre entier : les chiffres sont des euros entiers ou des décomptes entiers
cell-negative = { $value } n’est pas un nombre entier positif ou nul
cell-hint-empty = laissez la cellule vide : une cellule vide se lit « non renseigné », jamais 0
cell-hint-share = une part n’est pas un chiffre que les fiches additionnent : donnez le nombre ou le montant
cell-hint-brackets = les chiffres sont positifs ou nuls ; les parenthèses notent un montant négatif en comptabilité
cell-hint-in-full = écrivez le chiffre en entier : `{ $figure }`
cell-hint-in-full-whole = écrivez le chiffre en entier, sans décimales
cell-not-year = { $value } n’est ni une année ni une date (écrivez `2021`, `11/10/2021` ou `2021-10-11`)
csv-mixed-encodings = le fichier mélange des encodages : il est en UTF-8, mais l’octet { $byte } de la ligne { $line } ne l’est pas, ses accents ne peuvent donc pas être lus sûrement
csv-mixed-encodings-hint = enregistrez de nouveau le fichier en « CSV UTF-8 » (Excel) ou avec le jeu de caractères UTF-8 (LibreOffice), ou corrigez cette ligne
ods-too-large = une feuille s’étend sur { $count } cellules (lignes × colonnes jusqu’à sa dernière valeur) ; bilan en lit { $max } au plus
ods-too-large-hint = supprimez les lignes et colonnes vides avant la dernière valeur, ou enregistrez la feuille en .xlsx ou en .csv
import-formats = bilan importe les fichiers .csv, .xlsx et .ods
import-formats-hint = enregistrez le tableur dans l’un de ces formats
sheet-unknown = { $file } n’a pas de feuille nommée `{ $sheet }`
sheet-list = { $near }ses feuilles sont { $sheets }
sheet-none = { $file } n’a aucune feuille
sheet-cannot-open = impossible d’ouvrir { $file } comme un tableur
sheet-cannot-read = impossible de lire la feuille `{ $sheet }` de { $file }
import-declared-differs = `programme.declared.{ $name }` vaut { $declared } ; les fiches totalisent maintenant { $computed }. Si le nouveau chiffre est celui à publier, remplacez cette ligne par `{ $name }: { $raw }` ; d’ici là, les pages montrent le chiffre déclaré.
import-read = { $rows ->
    [one] { $rows } ligne de projet lue
   *[other] { $rows } lignes de projet lues
} dans { $file } (feuille { $sheet }) pour { $records ->
    [one] { $records } fiche de territoire
   *[other] { $records } fiches de territoire
}.
import-ignored = Colonnes ignorées : { $columns }.
import-sheets-passed = { $count ->
    [one] La feuille { $sheets } n’a pas de colonnes de territoire et de titre : la feuille { $sheet } a été lue.
   *[other] Les feuilles { $sheets } n’ont pas de colonnes de territoire et de titre : la feuille { $sheet } a été lue.
}
import-header-row = Ligne d’en-tête : { $row } ; { $count ->
    [one] la ligne { $rows } au-dessus n’a pas été lue.
   *[other] les lignes { $rows } au-dessus n’ont pas été lues.
}
import-other-sheets = ; les feuilles du classeur sont : { $sheets } (choisissez-en une avec --sheet)
import-record-change = ajoutés : { $added }, retirés : { $removed }, modifiés : { $changed }, inchangés : { $unchanged }
import-up-to-date = { $count ->
    [one] { $count } fiche déjà à jour.
   *[other] { $count } fiches déjà à jour.
}
import-totals = Totaux, avant → après :
import-projects = projets
import-dry-run = Essai : rien n’a été écrit ({ $count ->
    [one] { $count } fiche changerait
   *[other] { $count } fiches changeraient
}).
import-updated = { $count ->
    [one] { $count } fiche mise à jour.
   *[other] { $count } fiches mises à jour.
}

## Les fichiers restent dans le site (sandbox.rs, routes/collisions.rs)

file-unreadable = lecture impossible : { $error }
site-folder-unreadable = impossible de lire le dossier du site : { $error }
link-outside-site = ceci est un lien vers `{ $target }`, hors du site : bilan ne lit rien en dehors du dossier du site
link-outside-site-hint = copiez le fichier dans le site au lieu d’y faire un lien
link-into-output = ceci est un lien vers `{ $target }`, que bilan génère : le site se recopierait lui-même à chaque construction
link-into-output-hint = supprimez le lien
link-outside-folder = ceci est un lien vers `{ $target }`, hors de `{ $folder }` : seuls les fichiers qui s’y trouvent sont publiés tels quels
link-outside-folder-hint = copiez le fichier dans ce dossier s’il doit être publié, ou supprimez le lien
not-regular-file = ce n’est pas un fichier ordinaire, il n’est donc pas publié
hard-link-to-source = c’est le même fichier que `{ $source }` (un lien physique) : une source du site n’est jamais publiée telle quelle
hard-link-to-source-hint = supprimez le lien, ou copiez ce qui doit être public
slug-twice = cette fiche et { $other } ont le même nom `{ $slug }`, toutes deux écriraient donc `{ $output }`
slug-twice-hint = renommez l’un des deux fichiers
static-replaces-page = ce fichier remplacerait `{ $file }`, la page que bilan construit à partir de { $source }
static-replaces-generated = ce fichier remplacerait `{ $file }`, que bilan génère
static-replaces-hint = renommez ou déplacez le fichier
region-code-empty-slug = le code de région `{ $code }` n’a ni lettre ni chiffre pour nommer sa page
region-code-empty-slug-hint = utilisez des lettres et des chiffres dans les codes de région, comme `84`
region-codes-collide = les codes de région `{ $first }` et `{ $second }` écriraient tous deux `regions/{ $slug }/`
region-codes-collide-hint = faites différer les codes par plus que la casse, les accents ou la ponctuation
narratives-collide = ce récit et { $other } écriraient tous deux `{ $output }`
narratives-collide-hint = renommez ou déplacez l’un des deux
narrative-reserved = ce récit écrirait dans `{ $folder }/`, qui appartient au générateur
narrative-reserved-hint = déplacez-le dans un autre dossier ou renommez-le
release-is-kit = `presse/kit/` est la page du dossier de presse
release-is-kit-hint = renommez le communiqué

## Lecture du contenu (content/, validate/markdown.rs)

not-a-site = { $path } introuvable : ce dossier n’est pas un site bilan.
not-a-site-hint = lancez bilan dans le dossier d’un site, passez --root DOSSIER, ou créez un site avec `bilan new DOSSIER`
record-not-yaml = ignoré : les fiches de territoire finissent par `.yaml`
record-not-yaml-hint = renommez le fichier en `<nom>.yaml`
map-file-outside = le fichier de contours `{ $file }` n’est pas un chemin dans content/
map-file-outside-hint = donnez un chemin relatif à content/ sans `..` ni `/` au début, comme `map/territories.geojson`
map-file-missing = le fichier de contours `{ $file }` est introuvable dans content/
map-file-missing-hint = donnez un chemin relatif à content/, comme `map/territories.geojson`
link-loop = boucle de liens symboliques : ce lien renvoie à un dossier qui le contient
not-utf8 = le fichier n’est pas en UTF-8 valide
not-utf8-hint = enregistrez le fichier en UTF-8 dans votre éditeur
bad-slug = `{ $slug }` n’est pas un nom de fichier valide : utilisez des lettres ASCII minuscules, des chiffres et `-`
rename-file = renommez le fichier en `{ $name }`
page-not-md = ignoré : les pages finissent par `.md`
release-nested = ignoré : les communiqués se placent directement dans content/press/
narrative-index = `narratives/index.md` remplacerait la page d’accueil
narrative-index-hint = nommez l’introduction de l’accueil `_index.md`
no-front-matter = en-tête (front matter) manquant
no-front-matter-hint = commencez le fichier par une ligne `---`, puis `title: …`, puis une autre ligne `---`
embargo-format = `embargo` n’est pas une date et heure RFC 3339 : { $error }
embargo-format-hint = écrivez-la comme `2021-10-11T10:00:00+02:00`, avec un fuseau horaire
forbidden-char = le caractère { $code } n’est pas permis : aucune page web, aucun flux ni aucun PDF ne peut le contenir
forbidden-char-hint = retirez-le : il vient souvent d’un texte collé depuis un autre logiciel
dangerous-link = lien vers `{ $url }` : les adresses de script et de données ne sont jamais publiées
dangerous-link-hint = faites un lien vers une page http(s) ou vers un fichier du site
raw-html = le HTML brut `{ $html }` est retiré de la page
raw-html-hint = écrivez-le en Markdown, ou indiquez `markdown: {"{"} raw_html: true {"}"}` dans content/site.yaml pour laisser passer le HTML brut
heading-attribute = l’attribut de titre `{ $attribute }` est retiré : un titre ne garde que `#id` et `.class` faits de lettres, de chiffres, de `-` et de `_`
heading-attribute-hint = écrivez `{"{"}#mon-id .ma-classe{"}"}` après le titre, ou retirez l’attribut
raw-html-more = { $count ->
    [one] { $count } autre morceau de HTML brut est retiré de la page
   *[other] { $count } autres morceaux de HTML brut sont retirés de la page
}

## YAML (yaml/)

yaml-empty = le fichier est vide
yaml-empty-hint = écrivez les champs de la fiche, par exemple `name:` et `region:`
yaml-aliases = ses alias (`*nom`) répètent tant de texte qu’il occuperait plus de { $mebibytes } Mio une fois lu
yaml-aliases-hint = écrivez les valeurs en entier, ou utilisez moins d’alias : bilan lit au plus quatre fois la taille d’un fichier plus 8 Mio
yaml-duplicate-key = clé `{ $key }` en double (déjà donnée ligne { $first })
yaml-duplicate-key-hint = supprimez l’une des deux lignes : une seule valeur peut être gardée
yaml-control-char = le caractère de contrôle { $code } n’est pas permis
yaml-char = le caractère { $code } n’est pas permis
yaml-control-char-unknown = un caractère de contrôle n’est pas permis
yaml-two-documents = ce fichier contient plus d’un document YAML
yaml-two-documents-hint = un fichier est une fiche : supprimez cette ligne `---`, ou placez ce qui suit dans un fichier à part
yaml-date = { $field } : `{ $value }` n’est pas une date écrite AAAA-MM-JJ, comme 2021-10-11
yaml-date-rewrite = écrivez `{ $date }` : les dates s’écrivent AAAA-MM-JJ
yaml-date-hint = écrivez la date sous la forme AAAA-MM-JJ, par exemple `2021-10-11`
yaml-figure-hint = écrivez `{ $digits }` : les chiffres s’écrivent sans espaces ni unités
yaml-missing-field-hint = ajoutez le champ obligatoire `{ $field }:`
yaml-list-not-record-hint = une fiche est une suite de lignes `champ: valeur` ; retirez le `- ` du début
yaml-syntax-hint = vérifiez les guillemets, les deux-points et l’indentation de cette ligne et de la précédente
yaml-no-fields-here = cette fiche n’accepte aucun champ ici
yaml-french-field = vouliez-vous dire `{ $field }` ? Les champs s’écrivent en anglais
yaml-project-field = `{ $unknown }` se dit `{ $field }`, un champ de projet : écrivez-le dans un projet, sous `projects:`
yaml-known-fields = les champs possibles sont { $known }
yaml-unknown-field = champ inconnu `{ $field }` (champs possibles : { $known })
yaml-missing-field = champ obligatoire `{ $field }` manquant
yaml-invalid-type = type invalide : { $found }, alors qu’il faut { $expected }
yaml-invalid-value = valeur invalide : { $found }, alors qu’il faut { $expected }
yaml-syntax = erreur de syntaxe YAML ({ $detail })
yaml-other = erreur YAML : { $detail }
yaml-found-string = le texte { $value }
yaml-found-integer = le nombre { $value }
yaml-found-float = le nombre décimal { $value }
yaml-found-boolean = le booléen { $value }
yaml-found-sequence = une liste
yaml-found-map = une suite de champs
yaml-found-nothing = une valeur vide
yaml-expected-count = un nombre entier positif ou nul
yaml-expected-whole = un nombre entier
yaml-expected-boolean = `true` ou `false`
yaml-expected-text = du texte
yaml-expected-list = une liste, comme `["a", "b"]`
yaml-expected-mapping = une suite de lignes `champ: valeur`

## Thèmes, sortie, cartes, DSFR (theme.rs, output/, charts/, dsfr.rs, build/)

metric-at-most-unknown = `at_most: { $other }` de l’indicateur `{ $key }` ne désigne aucun autre indicateur
metric-key-invalid = la clé d’indicateur `{ $key }` n’est pas un nom de champ valide
metric-key-invalid-hint = utilisez des lettres ASCII minuscules, des chiffres et `_`, en commençant par une lettre, comme `jobs_created`
metric-key-taken = la clé d’indicateur `{ $key }` est déjà un champ de projet ou un décompte
metric-key-export-column = la clé d’indicateur `{ $key }` est une colonne des exports de données ouvertes, qu’elle écraserait
metric-key-export-column-hint = choisissez une autre clé (`{ $key }_total`, par exemple) ; noms réservés : { $reserved }
metric-file-invalid = le nom de fichier d’indicateur `{ $file }` n’est pas valide
metric-file-invalid-hint = utilisez des lettres ASCII minuscules, des chiffres et `-`
metric-twice = l’indicateur `{ $key }` est déclaré deux fois
metric-file-twice = l’indicateur `{ $key }` et un autre dessineraient tous deux des graphiques nommés `{ $file }`
metric-file-twice-hint = donnez à l’un des deux un autre `file:`
theme-colour = `{ $value }` n’est pas une couleur écrite `#rrggbb`
theme-name-invalid = le thème `{ $theme }` n’est pas un nom de thème : il doit nommer un dossier de themes/, sans `/` ni `..`
theme-name-invalid-hint = indiquez `theme: default` dans content/site.yaml, ou le nom d’un dossier de themes/
theme-missing = thème `{ $theme }` introuvable : { $dir } n’existe pas
theme-missing-hint = indiquez `theme: default` dans content/site.yaml ou ajoutez le dossier du thème
template-error = erreur de gabarit : { $detail }
output-in-root = la racine du site
output-in-content = le dossier du contenu
output-in-themes = le dossier des thèmes
output-in-templates = le dossier des gabarits
output-refused = refus d’écrire dans { $dir } ({ $what }) : choisissez un autre --output
output-contains-root = refus d’écrire dans { $dir } : il contient la racine du site ; choisissez un autre --output
output-is-file = --output { $dir } est un fichier, pas un dossier
output-not-ours = refus de remplacer { $dir } : il n’est pas vide et n’a pas été créé par bilan
output-not-ours-hint = choisissez un dossier vide ou nouveau pour --output
map-region-key-hint = indiquez dans `map.region_key` de site.yaml la propriété qui porte le code de région
map-missing-outlines = { $count ->
    [one] { $count } territoire n’a pas de contour et n’est pas sur la carte : { $names }
   *[other] { $count } territoires n’ont pas de contour et ne sont pas sur la carte : { $names }
}
map-missing-outlines-hint = donnez à chaque territoire un `code` égal à la propriété `{ $key }` d’un contour
geojson-invalid = GeoJSON invalide : { $error }
geojson-no-features = ce n’est pas une FeatureCollection GeoJSON : pas de liste `features`
geojson-no-key = l’entité { $feature } n’a pas de propriété `{ $key }`
geojson-no-geometry = l’entité `{ $feature }` n’a pas de géométrie
geojson-no-coordinates = l’entité `{ $feature }` n’a pas de coordonnées
geojson-geometry = entité `{ $feature }` : la géométrie { $geometry } n’est ni un Polygon ni un MultiPolygon
base-url-relative = `base_url` vaut `{ $base }`, pas l’adresse du site : le plan du site, le flux et les vignettes de partage reçoivent des liens relatifs, que moteurs de recherche et lecteurs de flux refusent
base-url-relative-hint = indiquez `base_url: "https://www.example.gouv.fr/bilan/"` dans site.yaml, ou construisez avec `--base-url https://…` en CI
broken-link = le lien vers `{ $target }` de la page `{ $page }` ne mène à aucune page, aucun fichier ni aucune ancre du site
dsfr-missing = le thème `dsfr` a besoin du système de design de l’État (DSFR), que bilan ne fournit pas : { $file } est introuvable
dsfr-missing-hint = dans { $root }, lancez `npm install @gouvfr/dsfr` ; le paquet vous demande d’abord d’accepter ses conditions d’utilisation (`npm create @gouvfr/dsfr@latest` écrit .dsfr.yml, ou définissez DSFR_ACCEPT_LICENSE=1), puis reconstruisez
dsfr-url-climbs = la feuille de style renvoie à `url({ $url })`, qui sort du paquet : bilan ne publie rien en dehors
dsfr-url-climbs-hint = réinstallez le paquet (`npm ci`, ou `rm -rf node_modules && npm install`)

## Adresses, cache, nouveaux sites, serve (url.rs, cache.rs, scaffold.rs, serve/)

cannot-write = impossible d’écrire { $path }
cannot-create = impossible de créer { $path }
cannot-watch = impossible de surveiller { $path }
cannot-prepare = impossible de préparer { $path }
not-email = `{ $value }` n’est pas une adresse électronique
not-contact = `{ $value }` n’est ni une adresse électronique ni une page http(s)
not-base-url = `{ $value }` n’est ni un chemin comme `/` ou `/bilan/` ni une adresse http(s)
contact-hint = donnez une adresse électronique comme `contact@example.org` ou une page comme `https://example.org/contact`
email-hint = donnez une adresse électronique comme `presse@example.org`
base-url-hint = écrivez `/` ou une adresse comme `https://example.org/bilan/`
cache-link-hint = supprimez-le : la prochaine construction refait le cache (ou indiquez un dossier ordinaire avec --cache-dir / BILAN_CACHE_DIR)
cache-is-link = le dossier de cache { $dir } est un lien : bilan n’écrit ni ne supprime jamais à travers un lien
cache-refused = refus de garder le cache dans { $dir } ({ $what }) : ses entrées seraient lues comme les sources du site ou publiées
cache-refused-hint = choisissez un autre --cache-dir (ou BILAN_CACHE_DIR), hors du contenu, des thèmes et du dossier de sortie ; sans l’un ni l’autre, le cache va dans le dossier de cache de l’utilisateur
output-folder = le dossier de sortie
cache-not-folder = le dossier de cache { $dir } n’est pas un dossier
cache-holds-link = le dossier de cache { $dir } contient un lien, { $link } : bilan ne lit ni n’écrit jamais à travers un lien
new-theme-unknown = `--theme { $theme }` n’est pas un thème fourni par bilan : utilisez l’un de { $themes }
new-not-empty = { $dir } n’est pas vide : `bilan new` n’écrit que dans un dossier nouveau ou vide
now-invalid = --now `{ $value }` n’est pas une date et heure
now-invalid-hint = écrivez `2021-10-11T10:00:00+02:00` ou `2021-10-11`
epoch-invalid = SOURCE_DATE_EPOCH `{ $value }` n’est pas un nombre de secondes
epoch-range = SOURCE_DATE_EPOCH `{ $value }` est hors limites
foreign-clash = { $count ->
    [one] { $files } dans { $dir } n’a pas été écrit par bilan, et le nouveau site a un fichier à cet endroit : bilan ne supprime jamais un fichier qu’il n’a pas écrit
   *[other] { $files } dans { $dir } n’ont pas été écrits par bilan, et le nouveau site a des fichiers à ces endroits : bilan ne supprime jamais un fichier qu’il n’a pas écrit
}
foreign-clash-hint = sortez { $count ->
    [one] -le
   *[other] -les
} du dossier de sortie (ou placez-les dans content/static/ pour les publier), puis reconstruisez
serve-serving = Aperçu de { $root } sur { $address } (Ctrl-C pour arrêter)
serve-stopped = Arrêté.
serve-cannot-listen = impossible d’écouter sur { $address }
serve-updated = Mis à jour en { $millis } ms : les pages sont servies depuis cette version ; écriture des autres fichiers.
serve-failed = La construction a échoué ; le dernier site valide reste servi.
serve-wrote = Site écrit : { $written } écrits, { $unchanged } inchangés, { $removed } supprimés ; { $millis } ms.

## Progression (progress.rs) : un identifiant par étape, les mots de son nom anglais joints par `-`

progress-loaded-content = Contenu lu
progress-validated-and-aggregated = Vérifié et totalisé
progress-drew-charts = Graphiques dessinés
progress-rendered-and-staged = Site construit
progress-swapped-in = Site mis en place
progress-loaded-the-records = Fiches lues
progress-read-the-spreadsheet = Tableur lu
progress-checked-every-cell = Cellules vérifiées
progress-wrote-the-records = Fiches écrites
progress-wrote-share-cards = vignettes de partage écrites
progress-wrote-pages = pages écrites
progress-wrote-feeds = flux écrits
progress-wrote-charts = graphiques écrits
progress-wrote-territory-charts = graphiques des territoires écrits
progress-wrote-exports = exports écrits
progress-wrote-search-index = index de recherche écrit
progress-wrote-pdfs = PDF écrits
progress-wrote-regional-kits = dossiers régionaux écrits
progress-wrote-kit-zip = archive du dossier écrite
progress-kept-share-cards = vignettes de partage reprises telles quelles
progress-kept-charts = graphiques repris tels quels
progress-kept-territory-charts = graphiques des territoires repris tels quels
progress-kept-exports = exports repris tels quels
progress-kept-search-index = index de recherche repris tel quel
progress-kept-pdfs = PDF repris tels quels
progress-kept-regional-kits = dossiers régionaux repris tels quels
progress-kept-kit-zip = archive du dossier reprise telle quelle
progress-kept-pages = pages reprises telles quelles

## Lecture au-delà d’une erreur de syntaxe YAML (yaml/recover.rs)

yaml-skipped = { $count ->
    [one] la ligne { $first } (dans `{ $key }`) a été mise de côté pour lire la suite du fichier après cette erreur de syntaxe : son contenu n’a pas été vérifié
   *[other] les lignes { $first } à { $last } (dans `{ $key }`) ont été mises de côté pour lire la suite du fichier après cette erreur de syntaxe : leur contenu n’a pas été vérifié
}
yaml-skipped-hint = corrigez l’erreur de syntaxe, puis vérifiez de nouveau : ces lignes le seront alors
yaml-unchecked = la suite de ce fichier n’a pas pu être vérifiée après cette erreur de syntaxe

## Fichiers qui n’ont pas pu être faits (charts/, error.rs, output/, render/)

chart-png-failed = impossible d’encoder ce graphique en PNG : { $error }
chart-territory-failed = impossible de dessiner le graphique de ce territoire : { $error }
chart-region-failed = impossible de dessiner les graphiques de la région `{ $code }` : { $error }
file-not-made = impossible de produire ce fichier : { $error }
pdf-failed = impossible d’écrire ce PDF : { $error }
output-cannot-move = impossible de mettre le nouveau site en place dans { $dir }
output-cannot-remove-old = impossible de supprimer { $dir }, laissé par une construction précédente : un de ses fichiers est protégé
output-cannot-move-aside = impossible de mettre { $dir } de côté
foreign-cannot-keep = impossible de garder { $path }, que bilan n’a pas écrit
import-cannot-replace = impossible de remplacer { $path } : aucune fiche n’a été modifiée
