<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="245" />
        <source>the platform</source>
        <translation>la plateforme</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="260" />
        <source>{url} is not a web address (it must start with https://).</source>
        <translation>{url} n'est pas une adresse web (elle doit commencer par https://).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="261" />
        <source>Refused to send the {platform} key to {url}: over plain http:// it would travel unencrypted. http:// is only allowed to this computer (localhost, 127.0.0.1, ::1: the built-in sandboxes); use an https:// address.</source>
        <translation>Envoi de la clé {platform} à {url} refusé : en simple http://, elle circulerait sans chiffrement. http:// n'est permis que vers cet ordinateur, pour les bacs à sable intégrés (localhost, 127.0.0.1 ou ::1) ; utilisez une adresse https://.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="265" />
        <source>{platform} sent an answer larger than {mb} MB, so we stopped reading it and nothing from it was used. Try again later; if it repeats, contact {platform}'s support.</source>
        <translation>{platform} a envoyé une réponse de plus de {mb} Mo : sa lecture a été arrêtée et rien n'en a été utilisé. Réessayez plus tard ; si cela se répète, contactez le support de {platform}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="269" />
        <source>{platform} refused the API key: it is wrong, revoked or for another account. Paste the key again or create a new one.</source>
        <translation>{platform} a refusé la clé d'API : elle est erronée, révoquée ou appartient à un autre compte. Collez-la de nouveau ou créez-en une autre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="272" />
        <source>The {platform} key works but lacks access. Create a key with these scopes: {scopes}.</source>
        <translation>La clé {platform} fonctionne mais n'a pas assez d'accès. Créez une clé avec ces autorisations : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="275" />
        <source>{platform} asked us to slow down and the wait ran out; try again in a few minutes.</source>
        <translation>{platform} nous a demandé de ralentir et l'attente a expiré ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="278" />
        <source>{platform} rejected {count} row(s); see the rejected rows for each reason.</source>
        <translation>{platform} a refusé {count} ligne(s) ; la liste des lignes refusées donne la raison de chacune.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="281" />
        <source>Could not open a secure connection to {platform} ({detail}). A proxy or antivirus may be intercepting HTTPS; check the proxy settings.</source>
        <translation>Impossible d'établir une connexion sécurisée avec {platform} ({detail}). Un proxy ou un antivirus intercepte peut-être le HTTPS ; vérifiez les réglages du proxy.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="285" />
        <source>Cannot reach {platform}: check the internet connection ({detail}).</source>
        <translation>Impossible de joindre {platform} : vérifiez la connexion Internet ({detail}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="288" />
        <source>{platform} is having trouble (HTTP {status}); the sync will resume next time.</source>
        <translation>{platform} rencontre un problème (HTTP {status}) ; la synchronisation reprendra la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="291" />
        <source>Cancelled; the next sync resumes where this one stopped.</source>
        <translation>Annulée ; la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="294" />
        <source>A sync is already running on this data folder ({folder}); this one did not start. Try again when it has finished.</source>
        <translation>Une synchronisation est déjà en cours sur ce dossier de données ({folder}) ; celle-ci n'a pas démarré. Réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="296" />
        <source>A sync is already running on this data folder (since {time}); this one did not start. Try again when it has finished ({folder}).</source>
        <translation>Une synchronisation est déjà en cours sur ce dossier de données (depuis {time}) ; celle-ci n'a pas démarré. Réessayez quand elle sera terminée ({folder}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="307" />
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="311" />
        <source>Copy the key again from {platform} and paste it as it is.</source>
        <translation>Copiez de nouveau la clé depuis {platform} et collez-la telle quelle.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="313" />
        <source>The {platform} key is empty: paste the key.</source>
        <translation>La clé {platform} est vide : collez la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="315" />
        <source>The {platform} key contains a space (character {position}); API keys have none.</source>
        <translation>La clé {platform} contient une espace (caractère {position}) ; une clé d'API n'en contient pas.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="318" />
        <source>The {platform} key contains a line break (after character {position}): only part of it, or two lines, were pasted.</source>
        <translation>La clé {platform} contient un saut de ligne (après le caractère {position}) : seule une partie, ou deux lignes, ont été collées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="321" />
        <source>The {platform} key contains an invisible control character (character {position}).</source>
        <translation>La clé {platform} contient un caractère de contrôle invisible (caractère {position}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="324" />
        <source>The {platform} key contains a character that is not a plain letter, digit or symbol (character {position}), such as an accent or a typographic quote; API keys have none.</source>
        <translation>La clé {platform} contient un caractère qui n'est ni une lettre simple, ni un chiffre, ni un symbole (caractère {position}), comme un accent ou un guillemet typographique ; une clé d'API n'en contient pas.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="328" />
        <source>This is Klaviyo's public key (site ID), which cannot write profiles. Create a private API key: it starts with pk_.</source>
        <translation>C'est la clé publique de Klaviyo (identifiant du site), qui ne peut pas écrire de profils. Créez une clé d'API privée : elle commence par pk_.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="331" />
        <source>This is a Klaviyo key, not a {platform} key.</source>
        <translation>C'est une clé Klaviyo, pas une clé {platform}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="333" />
        <source>This is not a Klaviyo private API key: those start with pk_ followed by 34 letters and digits (37 characters); this one has {length}.</source>
        <translation>Ce n'est pas une clé d'API privée Klaviyo : celles-ci commencent par pk_ suivi de 34 lettres et chiffres (37 caractères) ; celle-ci en a {length}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="336" />
        <source>This does not look like a {platform} API key: those have at least {min} characters, only letters, digits and - _ . ~ + / =; this one has {length}.</source>
        <translation>Cela ne ressemble pas à une clé d'API {platform} : celles-ci ont au moins {min} caractères, uniquement des lettres, des chiffres et - _ . ~ + / = ; celle-ci en a {length}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/policy.py" line="123" />
        <source>{platform} asked us to slow down: waiting {duration} before sending again.</source>
        <translation>{platform} nous demande de ralentir : attente de {duration} avant de renvoyer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/policy.py" line="126" />
        <source>{platform} is having trouble (HTTP {status}): trying again in {duration}.</source>
        <translation>{platform} rencontre un problème (HTTP {status}) : nouvel essai dans {duration}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/policy.py" line="128" />
        <source>Cannot reach {platform} ({detail}): trying again in {duration}.</source>
        <translation>Impossible de joindre {platform} ({detail}) : nouvel essai dans {duration}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="344" />
        <source>The local store {path} was written by a newer version of Loyalty Desktop ({detail}). Nothing was changed. Install the newer version again, or use another data folder.</source>
        <translation>La base locale {path} a été écrite par une version plus récente de Loyalty Desktop ({detail}). Rien n'a été modifié. Réinstallez la version plus récente, ou utilisez un autre dossier de données.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="347" />
        <source>is damaged ({detail})</source>
        <translation>est endommagée ({detail})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="348" />
        <source>is not a Loyalty Desktop store (it belongs to another application: {detail})</source>
        <translation>n'est pas une base Loyalty Desktop (elle appartient à une autre application : {detail})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="350" />
        <source>The local store {path} {what}. Nothing was changed. It can be kept aside (renamed, not deleted) and a new store started; the next sync then runs as a first sync.</source>
        <translation>La base locale {path} {what}. Rien n'a été modifié. Elle peut être mise de côté (renommée, pas supprimée) et une nouvelle base créée ; la prochaine synchronisation se fera alors comme une première.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="356" />
        <source>Cannot write to {path}: it is read-only ({detail}). Make it writable, or choose another data folder.</source>
        <translation>Impossible d'écrire dans {path} : il est en lecture seule ({detail}). Rendez-le modifiable, ou choisissez un autre dossier de données.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="358" />
        <source>The disk holding {path} is full ({detail}). Nothing was lost: free some space, then sync again; it resumes where it stopped.</source>
        <translation>Le disque qui contient {path} est plein ({detail}). Rien n'est perdu : libérez de la place, puis synchronisez de nouveau ; la synchronisation reprendra où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="360" />
        <source>{path} is a file, but Loyalty Desktop needs a folder there ({detail}). Move the file away, or choose another folder.</source>
        <translation>{path} est un fichier, mais Loyalty Desktop a besoin d'un dossier à cet endroit ({detail}). Déplacez le fichier, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="362" />
        <source>{path} does not exist ({detail}). Check the name and the folder.</source>
        <translation>{path} n'existe pas ({detail}). Vérifiez le nom et le dossier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="363" />
        <source>The disk failed to read or write {path} ({detail}). Check the disk (or the network drive), then try again; nothing that was saved is lost.</source>
        <translation>Le disque n'a pas pu lire ou écrire {path} ({detail}). Vérifiez le disque (ou le lecteur réseau), puis réessayez ; rien de ce qui était enregistré n'est perdu.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="371" />
        <source>The offline {platform} sandbox could not start on this computer ({detail}). Try again; if it keeps failing, install the app again.</source>
        <translation>Le bac à sable hors ligne {platform} n'a pas pu démarrer sur cet ordinateur ({detail}). Réessayez ; si le problème persiste, réinstallez l'application.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="373" />
        <source>The offline {platform} sandbox stopped unexpectedly ({detail}). Close and reopen the app to start a new one (it starts empty).</source>
        <translation>Le bac à sable hors ligne {platform} s'est arrêté de façon inattendue ({detail}). Fermez puis rouvrez l'application pour en démarrer un nouveau (il démarre vide).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="375" />
        <source>The offline {platform} sandbox could not do this: {detail}.</source>
        <translation>Le bac à sable hors ligne {platform} n'a pas pu faire cela : {detail}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="383" />
        <source>To wait for it instead, add --wait SECONDS (e.g. --wait 600).</source>
        <translation>Pour l'attendre plutôt, ajoutez --wait SECONDES (par exemple --wait 600).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="385" />
        <source>Another data folder: --data-dir FOLDER (or the LOYALTY_DESKTOP_DATA_DIR environment variable).</source>
        <translation>Un autre dossier de données : --data-dir DOSSIER (ou la variable d'environnement LOYALTY_DESKTOP_DATA_DIR).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="387" />
        <source>To keep it aside and start a new store, run the command again with --set-aside-damaged-store.</source>
        <translation>Pour le mettre de côté et démarrer une nouvelle base, relancez la commande avec --set-aside-damaged-store.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/errors.py" line="393" />
        <source>The unusable store {old} was kept aside as {kept}; a new store was started.</source>
        <translation>La base inutilisable {old} a été mise de côté sous le nom {kept} ; une nouvelle base a été créée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="87" />
        <source>The source ({source}) never sends “{metric}” moments: this recipe would never start.</source>
        <translation>La source ({source}) n'envoie jamais de moments « {metric} » : cette recette ne démarrerait jamais.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="91" />
        <source>Turn on {fields} in the field mapping to use this recipe.</source>
        <translation>Activez {fields} dans l'association des champs pour utiliser cette recette.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="118" />
        <source>Triggered by the metric “{metric}”</source>
        <translation>Déclenché par la métrique « {metric} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="120" />
        <source>, filtered on {condition}</source>
        <translation>, filtré sur {condition}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="122" />
        <source>, then wait {days} days</source>
        <translation>, puis attendre {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="124" />
        <source>Trigger campaign on "Contact update" of the field {field} (Splio kit)</source>
        <translation>Campagne trigger sur « Mise à jour du contact » du champ {field} (kit Splio)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/flows.py" line="128" />
        <source>Audience filter recalculated daily: {condition}</source>
        <translation>Filtre d'audience recalculé chaque jour : {condition}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/guard.py" line="62" />
        <source>Interrupted.</source>
        <translation>Interrompu.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/guard.py" line="69" />
        <source>error: an unexpected problem stopped the command ({error}). The details are in {log}; please send it with a bug report.</source>
        <translation>erreur : un problème inattendu a arrêté la commande ({error}). Les détails sont dans {log} ; merci de l'envoyer avec un rapport de bogue.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/guard.py" line="74" />
        <location filename="../../loyalty_desktop/cli/main.py" line="195" />
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="52" />
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="55" />
        <source>error: {message}</source>
        <translation>erreur : {message}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="54" />
        <source>(since {time})</source>
        <translation>(depuis {time})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="55" />
        <source>Another sync is running on this data folder{since}; waiting up to {seconds} s for it to end…</source>
        <translation>Une autre synchronisation est en cours sur ce dossier de données{since} ; attente de sa fin pendant {seconds} s au plus…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="108" />
        <source>Removed the demo program {name}</source>
        <translation>Programme de démonstration {name} supprimé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="115" />
        <source>Advanced the demo program {name} by {days} day(s), from {start} to {end}. Over those days:</source>
        <translation>Programme de démonstration {name} avancé de {days} jour(s), du {start} au {end}. Pendant ces jours :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="120" />
        <source>The next sync sends these changes.</source>
        <translation>La prochaine synchronisation envoie ces changements.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="120" />
        <source>Nothing to send.</source>
        <translation>Rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="122" />
        <source>Demo program {name} at {date} ({path})</source>
        <translation>Programme de démonstration {name} au {date} ({path})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="131" />
        <source>There is no run {run} in the sync history of {folder}; `loyalty-desktop runs` lists the runs.</source>
        <translation>Il n'y a pas de synchronisation {run} dans l'historique de {folder} ; `loyalty-desktop runs` liste les synchronisations.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="139" />
        <source>{count} refused or rejected row(s) of run {run} written to {path}</source>
        <translation>{count} ligne(s) refusée(s) ou rejetée(s) de la synchronisation {run} écrite(s) dans {path}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="154" />
        <source>No sync yet in {folder}.</source>
        <translation>Pas encore de synchronisation dans {folder}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="161" />
        <source>#{run} {started} {destination} {state} {seconds} s  {figures}</source>
        <translation>n°{run} {started} {destination} {state} {seconds} s  {figures}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="170" />
        <source>Removed the {platform} key from the keyring.</source>
        <translation>Clé {platform} supprimée du trousseau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="172" />
        <source>{platform} API key (input hidden): </source>
        <translation>Clé d'API {platform} (saisie masquée) : </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="175" />
        <source>No key was given: paste the key when asked (or send it on standard input). Nothing was saved.</source>
        <translation>Aucune clé n'a été donnée : collez la clé quand elle est demandée (ou envoyez-la sur l'entrée standard). Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="181" />
        <source>error: no system keyring can store the key here ({detail}); use the {env} environment variable for this session.</source>
        <translation>erreur : aucun trousseau du système ne peut enregistrer la clé ici ({detail}) ; utilisez la variable d'environnement {env} pour cette session.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="185" />
        <source>Saved {key} in {where}.</source>
        <translation>{key} enregistrée dans {where}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="215" />
        <source>Screenshots are a development tool: run it from a source checkout.</source>
        <translation>Les captures d'écran sont un outil de développement : lancez-les depuis une copie des sources.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="239" />
        <source>{text} is not a whole number</source>
        <translation>{text} n'est pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="242" />
        <location filename="../../loyalty_desktop/cli/main.py" line="256" />
        <source>{value} is out of range: between {low} and {high}</source>
        <translation>{value} est hors limites : entre {low} et {high}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/main.py" line="254" />
        <source>{text} is not a number</source>
        <translation>{text} n'est pas un nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="34" />
        <source>confirming earlier jobs</source>
        <translation>confirmation des envois précédents</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="35" />
        <source>reading loyalty data</source>
        <translation>lecture des données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="36" />
        <source>planning</source>
        <translation>préparation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="37" />
        <source>sending profiles</source>
        <translation>envoi des profils</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="38" />
        <source>sending events</source>
        <translation>envoi des événements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="39" />
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="48" />
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="49" />
        <source>completed_with_rejects</source>
        <translation>terminée avec rejets</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="50" />
        <source>needs_confirmation</source>
        <translation>à confirmer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="51" />
        <source>interrupted</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="87" />
        <source>(Ctrl-C stops; the next sync resumes)</source>
        <translation>(Ctrl-C arrête ; la prochaine synchronisation reprend)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="97" />
        <source>ETA {eta}</source>
        <translation>reste {eta}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="121" />
        <source>Connected to {platform} account “{account}”</source>
        <translation>Connecté au compte {platform} « {account} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="128" />
        <source>Sync to {platform} stopped before sending anything (run {run}): it would send {events} live events, more than {threshold} (the larger of {minimum} and {share} of the {members} members). Live events start flows: each may email a customer.</source>
        <translation>La synchronisation vers {platform} s'est arrêtée avant tout envoi (synchronisation {run}) : elle enverrait {events} événements en direct, plus que {threshold} (le plus grand de {minimum} et {share} des {members} membres). Les événements en direct déclenchent des flows : chacun peut envoyer un e-mail à un client.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="136" />
        <source>Check these figures; if they are right, run the same command again with --yes.</source>
        <translation>Vérifiez ces chiffres ; s'ils sont justes, relancez la même commande avec --yes.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="164" />
        <source>refused {key} [{field}]: {reason}</source>
        <translation>refusé {key} [{field}] : {reason}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="164" />
        <source>refused {key}: {reason}</source>
        <translation>refusé {key} : {reason}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="167" />
        <source>… see every refused or rejected row with `loyalty-desktop runs --rejected {run}`</source>
        <translation>… chaque ligne refusée ou rejetée, avec sa raison : `loyalty-desktop runs --rejected {run}`</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="48" />
        <location filename="../../loyalty_desktop/cli/output.py" line="146" />
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="49" />
        <location filename="../../loyalty_desktop/cli/output.py" line="147" />
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="50" />
        <location filename="../../loyalty_desktop/cli/output.py" line="147" />
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="146" />
        <source>completed, some refused</source>
        <translation>terminée, avec des refus</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="148" />
        <source>Sync to {platform} {outcome} in {seconds} s (run {run})</source>
        <translation>Synchronisation vers {platform} {outcome} en {seconds} s (synchronisation {run})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="87" />
        <source>Refused by {platform}</source>
        <translation>Refusés par {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="87" />
        <source>Refused</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="89" />
        <source>Members</source>
        <translation type="unfinished">Membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="90" />
        <source>Contacts sent</source>
        <translation type="unfinished">Contacts envoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="91" />
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="92" />
        <source>Not sent yet</source>
        <translation>Pas encore envoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="93" />
        <source>Rejected in the loyalty data</source>
        <translation>Rejetés dans les données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="94" />
        <source>Events sent</source>
        <translation type="unfinished">Événements envoyés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="95" />
        <source>Events refused</source>
        <translation>Événements refusés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="101" />
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="107" />
        <source>Members read from the loyalty program</source>
        <translation type="unfinished">Membres lus dans le programme de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="108" />
        <source>Contacts whose loyalty data the platform took in this run</source>
        <translation>Contacts dont la plateforme a pris les données de fidélité lors de cette synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="109" />
        <source>Contacts the platform already had up to date: nothing sent</source>
        <translation>Contacts déjà à jour sur la plateforme : rien n'est envoyé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="110" />
        <source>Contacts the platform refused, with its reason (also those refused by an earlier run, not sent again until their data changes)</source>
        <translation>Contacts refusés par la plateforme, avec sa raison (aussi ceux refusés lors d'une synchronisation précédente, pas renvoyés tant que leurs données ne changent pas)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="112" />
        <source>Contacts still waiting: the run stopped first; the next sync sends them</source>
        <translation>Contacts en attente : la synchronisation s'est arrêtée avant ; la prochaine les envoie</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="113" />
        <source>Rows of the loyalty data that could not be used (invalid email, bad value): nothing of them is sent</source>
        <translation>Lignes des données de fidélité inutilisables (e-mail invalide, valeur erronée) : rien n'en est envoyé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="115" />
        <source>Loyalty events sent (points earned, tier reached…)</source>
        <translation type="unfinished">Événements de fidélité envoyés (points gagnés, niveau atteint…)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="116" />
        <source>Loyalty events the platform refused, with its reason</source>
        <translation>Événements de fidélité refusés par la plateforme, avec sa raison</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="124" />
        <source>Refused by {platform}: {count}</source>
        <translation>Refusés par {platform} : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="125" />
        <source>Refused: {count}</source>
        <translation>Refusés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="127" />
        <source>Members: {count}</source>
        <translation>Membres : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="128" />
        <source>Contacts sent: {count}</source>
        <translation>Contacts envoyés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="129" />
        <source>Unchanged: {count}</source>
        <translation>Inchangés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="130" />
        <source>Not sent yet: {count}</source>
        <translation>Pas encore envoyés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="131" />
        <source>Rejected in the loyalty data: {count}</source>
        <translation>Rejetés dans les données de fidélité : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="132" />
        <source>Events sent: {count}</source>
        <translation>Événements envoyés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="133" />
        <source>Events refused: {count}</source>
        <translation>Événements refusés : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/run_counts.py" line="143" />
        <source>({count} in earlier runs)</source>
        <translation>({count} lors de synchronisations précédentes)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="151" />
        <source>retries: {retries} (429 answers: {throttled})  requests: {requests} ({writes} writes)</source>
        <translation>nouveaux essais : {retries} (réponses 429 : {throttled})  requêtes : {requests} ({writes} écritures)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="156" />
        <source>{count} notice(s) too late to send, not sent:</source>
        <translation>{count} avis trop tardifs, non envoyés :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/output.py" line="160" />
        <source>… and {count} more (run {run})</source>
        <translation>… et {count} de plus (synchronisation {run})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="29" />
        <source>--saved syncs the saved set-up: leave out {options}.</source>
        <translation>--saved synchronise la configuration enregistrée : retirez {options}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="38" />
        <source>{value!r} is not a time of day like 06:30</source>
        <translation>{value!r} n'est pas une heure comme 06:30</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="47" />
        <source>{value!r}: give a number of hours from 1 to 168</source>
        <translation>{value!r} : indiquez un nombre d'heures de 1 à 168</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="59" />
        <source>Removed the scheduled sync from {scheduler}.</source>
        <translation>La synchronisation planifiée a été retirée de {scheduler}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="62" />
        <source>No scheduled sync was registered with {scheduler}.</source>
        <translation>Aucune synchronisation planifiée n'était enregistrée dans {scheduler}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="74" />
        <source>error: {problem}</source>
        <translation>erreur : {problem}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="75" />
        <source>Nothing was registered.</source>
        <translation>Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="83" />
        <source>Registered with {scheduler} ({where}): `loyalty-desktop sync --saved` {when}.</source>
        <translation>Enregistré dans {scheduler} ({where}) : `loyalty-desktop sync --saved` {when}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="88" />
        <source>The saved set-up is the offline demo: each scheduled run syncs into a sandbox that lasts only as long as that run.</source>
        <translation>La configuration enregistrée est la démo hors ligne : chaque exécution planifiée synchronise vers un bac à sable qui ne dure que le temps de cette exécution.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="91" />
        <source>A user timer runs while you are logged in; to run it also when you are not, an administrator can run `loginctl enable-linger {user}`.</source>
        <translation>Un minuteur utilisateur s'exécute tant que vous êtes connecté ; pour qu'il s'exécute aussi quand vous ne l'êtes pas, un administrateur peut lancer `loginctl enable-linger {user}`.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="101" />
        <source>Registered with {scheduler}: {where}</source>
        <translation>Enregistré dans {scheduler} : {where}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="102" />
        <source>Not registered with {scheduler}.</source>
        <translation>Non enregistré dans {scheduler}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="103" />
        <source>Schedule: {when}</source>
        <translation>Planification : {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="104" />
        <source>Automatic sync is off in the app's settings.</source>
        <translation>La synchronisation automatique est désactivée dans les réglages de l'application.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="109" />
        <source>Last sync: {when} ({status})</source>
        <translation>Dernière synchronisation : {when} ({status})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="111" />
        <source>Last sync: never</source>
        <translation>Dernière synchronisation : jamais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="114" />
        <source>Next run: due now (missed, or never run)</source>
        <translation>Prochaine synchronisation : maintenant (manquée, ou jamais faite)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="115" />
        <source>Next run: {when}</source>
        <translation>Prochaine synchronisation : {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/schedule.py" line="117" />
        <source>{scheduler} says the next start is: {detail}</source>
        <translation>Selon {scheduler}, le prochain démarrage est : {detail}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="25" />
        <source>Klaviyo sandbox listening on {url}</source>
        <translation>Bac à sable Klaviyo à l'écoute sur {url}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="26" />
        <source>Splio sandbox listening on {url}</source>
        <translation>Bac à sable Splio à l'écoute sur {url}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="27" />
        <source>Smile.io sandbox listening on {url}</source>
        <translation>Bac à sable Smile.io à l'écoute sur {url}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="28" />
        <source>Smile.io sandbox listening on {url} ({program})</source>
        <translation>Bac à sable Smile.io à l'écoute sur {url} ({program})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="29" />
        <source>Demo private key (full access): {key}</source>
        <translation>Clé privée de démonstration (accès complet) : {key}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="30" />
        <source>Demo API key: {key}</source>
        <translation>Clé d'API de démonstration : {key}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="31" />
        <source>Demo API key (every read scope): {key}</source>
        <translation>Clé d'API de démonstration (toutes les permissions de lecture) : {key}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="32" />
        <source>Try: {command}</source>
        <translation>Essayez : {command}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="33" />
        <source>Seeded with {present} of the 500 members of the demo program (seed 42) and {unknown} contacts unknown to it</source>
        <translation>Rempli avec {present} des 500 membres du programme de démonstration (graine 42) et {unknown} contacts qu'il ne connaît pas</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="35" />
        <source>The sandbox now holds {profiles} profiles and {events} events.</source>
        <translation>Le bac à sable contient maintenant {profiles} profils et {events} événements.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="36" />
        <source>The Smile sandbox holds {customers} customers, {transactions} points transactions and {rewards} reward fulfillments.</source>
        <translation>Le bac à sable Smile contient {customers} clients, {transactions} mouvements de points et {rewards} récompenses remises.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="38" />
        <source>The Splio sandbox universe now holds {contacts} contacts; {loyalty} carry loyalty custom fields (contacts are identified by {key}).</source>
        <translation>L'univers du bac à sable Splio contient maintenant {contacts} contacts ; {loyalty} portent des champs personnalisés de fidélité (les contacts sont identifiés par {key}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="40" />
        <source>#{id} {email}: {points} points, {state}</source>
        <translation>n°{id} {email} : {points} points, {state}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="41" />
        <source>{contact}, lists: {lists}</source>
        <translation>{contact}, listes : {lists}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="42" />
        <source>The Splio sandbox starts empty for this source: tick "Create missing contacts" (Settings → Sync options) or use --create-missing to create the contacts.</source>
        <translation>Le bac à sable Splio démarre vide pour cette source : cochez « Créer les contacts manquants » (Paramètres → Options de synchronisation) ou utilisez --create-missing pour créer les contacts.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="44" />
        <source>Splio sandbox universe seeded with {present} of the {members} demo members and {unknown} contacts unknown to the loyalty program.</source>
        <translation>Univers du bac à sable Splio rempli avec {present} des {members} membres de démonstration et {unknown} contacts inconnus du programme de fidélité.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="46" />
        <source>Splio API user {user}; contacts identified by {key}.</source>
        <translation>Utilisateur d'API Splio {user} ; contacts identifiés par {key}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="52" />
        <source>Klaviyo — Smile.io-compatible</source>
        <translation>Klaviyo — compatible Smile.io</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="52" />
        <source>Klaviyo — Loyalty</source>
        <translation>Klaviyo — Fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="52" />
        <source>Splio — Loyoly-compatible</source>
        <translation>Splio — compatible Loyoly</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="59" />
        <source>points balance increased since yesterday</source>
        <translation>solde de points en hausse depuis hier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="60" />
        <source>rewards claimed increased 7 days ago</source>
        <translation>récompenses obtenues en hausse il y a 7 jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="61" />
        <source>reward expiring within 7 days</source>
        <translation>récompense expirant dans les 7 jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="62" />
        <source>friends who received an invitation</source>
        <translation>amis ayant reçu une invitation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="63" />
        <source>invited friends who have not ordered after 5 days</source>
        <translation>amis invités sans commande après 5 jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="64" />
        <source>referrals completed increased since yesterday</source>
        <translation>parrainages réussis en hausse depuis hier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="65" />
        <source>points expiry date in 30 days</source>
        <translation>date d'expiration des points dans 30 jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="66" />
        <source>points expiry date in 7 days</source>
        <translation>date d'expiration des points dans 7 jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="67" />
        <source>tier changed since yesterday</source>
        <translation>palier changé depuis hier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="68" />
        <source>birthday is today</source>
        <translation>anniversaire aujourd'hui</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="77" />
        <source>{reason} ({detail})</source>
        <translation>{reason} ({detail})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="78" />
        <source>missing email</source>
        <translation>e-mail manquant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="79" />
        <source>invalid email</source>
        <translation>e-mail invalide</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="80" />
        <source>duplicate email</source>
        <translation>e-mail en double</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="81" />
        <source>not a number</source>
        <translation>pas un nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="82" />
        <source>negative number</source>
        <translation>nombre négatif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="83" />
        <source>not a whole number</source>
        <translation>pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="84" />
        <source>unknown date</source>
        <translation>date non reconnue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="85" />
        <source>unknown membership state</source>
        <translation>statut de membre non reconnu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="86" />
        <source>formula error</source>
        <translation>erreur de formule</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="87" />
        <source>missing value</source>
        <translation>valeur manquante</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="88" />
        <source>email not in the members file</source>
        <translation>e-mail absent du fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="89" />
        <source>number too large</source>
        <translation>nombre trop grand</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="90" />
        <source>implausible date</source>
        <translation>date invraisemblable</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="91" />
        <source>unbalanced quote</source>
        <translation>guillemet non fermé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="92" />
        <source>wrong number of cells</source>
        <translation>mauvais nombre de cellules</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="93" />
        <source>control character</source>
        <translation>caractère de contrôle</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="94" />
        <source>not in the file's encoding</source>
        <translation>hors de l'encodage du fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="95" />
        <source>cell too long</source>
        <translation>cellule trop longue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="97" />
        <source>the cell shows the Excel error {error}</source>
        <translation>la cellule affiche l'erreur Excel {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="98" />
        <source>at most {max}: the platforms cannot store a larger whole number exactly</source>
        <translation>au plus {max} : les plateformes ne peuvent pas stocker exactement un nombre entier plus grand</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="99" />
        <source>before {year}</source>
        <translation>avant {year}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="100" />
        <source>a birthday in the future</source>
        <translation>un anniversaire dans le futur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="101" />
        <source>more than {years} years ahead (after {date})</source>
        <translation>plus de {years} ans dans le futur (après le {date})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="102" />
        <source>expected {order} or year-month-day</source>
        <translation>attendu : {order} ou année-mois-jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="103" />
        <source>day/month/year</source>
        <translation>jour/mois/année</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="104" />
        <source>month/day/year</source>
        <translation>mois/jour/année</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="105" />
        <source>expected member, candidate or disabled (membre, candidat, désactivé)</source>
        <translation>attendu : membre, candidat ou désactivé (member, candidate, disabled)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="106" />
        <source>a movement needs its date</source>
        <translation>un mouvement doit avoir sa date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="107" />
        <source>a movement needs its points</source>
        <translation>un mouvement doit avoir ses points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="108" />
        <source>also on line {line}; line {line} is used</source>
        <translation>aussi à la ligne {line} ; la ligne {line} est utilisée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="109" />
        <source>{count} cells where the header has {width}: a delimiter inside a cell that is not quoted shifts the cells after it; quote that cell or remove the delimiter</source>
        <translation>{count} cellules alors que l'en-tête en a {width} : un séparateur dans une cellule sans guillemets décale les cellules suivantes ; mettez cette cellule entre guillemets ou retirez le séparateur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="111" />
        <source>{count} cells where the header has {width}: a cell is missing or the row is cut short; complete the row</source>
        <translation>{count} cellules alors que l'en-tête en a {width} : une cellule manque ou la ligne est coupée ; complétez la ligne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="113" />
        <source>the cell holds {count} characters; a cell holds at most {limit} (as in Excel): shorten it</source>
        <translation>la cellule contient {count} caractères ; une cellule en contient au plus {limit} (comme dans Excel) : raccourcissez-la</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="114" />
        <source>a NUL byte (U+0000) is in the cell: the file is damaged or was not saved as text; remove it or export the file again</source>
        <translation>un octet NUL (U+0000) est dans la cellule : le fichier est abîmé ou n'a pas été enregistré en texte ; retirez-le ou exportez de nouveau le fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="116" />
        <source>{what} is in the cell (it cannot be sent): remove it</source>
        <translation>{what} est dans la cellule (il ne peut pas être envoyé) : retirez-le</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="117" />
        <source>{what} is in the cell: Windows-1252 text converted to Unicode the wrong way; fix the cell, or export the file again as UTF-8</source>
        <translation>{what} est dans la cellule : du texte Windows-1252 mal converti en Unicode ; corrigez la cellule, ou exportez de nouveau le fichier en UTF-8</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="119" />
        <source>the control character {code}</source>
        <translation>le caractère de contrôle {code}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="120" />
        <source>a quote (") opens a cell and is never closed, so the lines below were read into that cell; close the quote (or remove it): the lines below were read again as rows of their own</source>
        <translation>un guillemet (") ouvre une cellule sans jamais la fermer, et les lignes suivantes ont été lues dans cette cellule ; fermez le guillemet (ou retirez-le) : les lignes suivantes ont été relues comme des lignes à part entière</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="123" />
        <source>no email</source>
        <translation>pas d'e-mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="124" />
        <source>Smile customer {id} is used</source>
        <translation>le client Smile {id} est retenu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="125" />
        <source>Smile customer {id}</source>
        <translation>client Smile {id}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="127" />
        <source>A profile already exists with one of these identifiers.</source>
        <translation>Un profil existe déjà avec l'un de ces identifiants.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="128" />
        <source>Invalid email address '{email}'.</source>
        <translation>Adresse e-mail « {email} » non valide.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="130" />
        <source>not in Splio: no contact has this {key}; skipped (the "create missing contacts" option creates it)</source>
        <translation>absent de Splio : aucun contact n'a cet identifiant ({key}) ; ignoré (l'option « Créer les contacts manquants » le crée)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="131" />
        <source>Splio neither has nor creates this contact</source>
        <translation>Splio n'a pas ce contact et ne le crée pas</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="132" />
        <source>Splio rejected its creation (code {code})</source>
        <translation>Splio a refusé sa création (code {code})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="139" />
        <source>{count} row(s) of the source could not be used; they are listed with this run's rejected rows.</source>
        <translation>{count} ligne(s) des données de fidélité n'ont pas pu être utilisées ; elles figurent parmi les lignes rejetées de cette synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="140" />
        <source>{count} row(s) of the source could not be used; they are listed with this run's rejected rows (the first {kept} kept in the history).</source>
        <translation>{count} ligne(s) des données de fidélité n'ont pas pu être utilisées ; elles figurent parmi les lignes rejetées de cette synchronisation (les {kept} premières sont gardées dans l'historique).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="142" />
        <source>Trying again {count} member(s) rejected earlier: {why}.</source>
        <translation>Nouvel essai pour {count} membre(s) rejeté(s) auparavant : {why}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="143" />
        <source>not in Splio, now created with the "create missing contacts" option</source>
        <translation>absents de Splio, créés maintenant avec l'option « Créer les contacts manquants »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="144" />
        <source>their contact is in Splio now</source>
        <translation>leur contact est maintenant dans Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="145" />
        <source>The loyalty data comes from another source than at the last sync (another program, file layout or account): this sync updates profiles only. What happened before it is kept as history, not sent as live events.</source>
        <translation>Les données de fidélité viennent d'une autre source qu'à la dernière synchronisation (autre programme, autre format de fichier ou autre compte) : cette synchronisation met à jour les profils seulement. Ce qui s'est passé avant est gardé comme historique, pas envoyé comme événements en direct.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="148" />
        <source>More than half as many members again as at the last sync are new: this sync updates profiles only. What happened before it is kept as history, not sent as live events.</source>
        <translation>Plus de la moitié des membres de la dernière synchronisation s'y ajoutent comme nouveaux : cette synchronisation met à jour les profils seulement. Ce qui s'est passé avant est gardé comme historique, pas envoyé comme événements en direct.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="150" />
        <source>{file}: {rows} rows, {members} members imported</source>
        <translation>{file} : {rows} lignes, {members} membres importés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="151" />
        <source>{file}: {rows} rows, {entries} movements imported</source>
        <translation>{file} : {rows} lignes, {entries} mouvements importés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="152" />
        <source>{file}: {rows} rows, {members} members imported, {duplicates} duplicate emails (the later row is used)</source>
        <translation>{file} : {rows} lignes, {members} membres importés, {duplicates} e-mails en double (la dernière ligne est retenue)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="153" />
        <source>rejected rows: {count} ({reasons})</source>
        <translation>lignes rejetées : {count} ({reasons})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="154" />
        <source>line {line} [{column}] {value}: {reason}</source>
        <translation>ligne {line} [{column}] {value} : {reason}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="155" />
        <source>all rejected rows: {path}</source>
        <translation>toutes les lignes rejetées : {path}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="156" />
        <source>Klaviyo sandbox started at {url}</source>
        <translation>Bac à sable Klaviyo démarré sur {url}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="157" />
        <source>Splio sandbox started at {url}</source>
        <translation>Bac à sable Splio démarré sur {url}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="158" />
        <source>Created Splio custom fields: {fields}.</source>
        <translation>Champs personnalisés Splio créés : {fields}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="159" />
        <source>Reusing Splio custom fields: {fields}.</source>
        <translation>Champs personnalisés Splio réutilisés : {fields}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="160" />
        <source>Note: {advice}.</source>
        <translation>Remarque : {advice}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="170" />
        <source>{name_without_bracket}, test account)</source>
        <translation>{name_without_bracket}, compte de test)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/known_texts.py" line="171" />
        <source>{name} (test account)</source>
        <translation>{name} (compte de test)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/entries.py" line="145" />
        <source>every day at {time}</source>
        <translation>tous les jours à {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/entries.py" line="146" />
        <source>every {hours} hours</source>
        <translation>toutes les {hours} heures</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/os_scheduler.py" line="55" />
        <source>`{tool}` is not available on this computer, so the system cannot run the sync on a schedule. Keep Loyalty Desktop open in the tray instead.</source>
        <translation>`{tool}` n'est pas disponible sur cet ordinateur : le système ne peut pas lancer la synchronisation selon une planification. Gardez plutôt Loyalty Desktop ouvert dans la zone de notification.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/os_scheduler.py" line="60" />
        <source>`{command}` failed: {reason}</source>
        <translation>`{command}` a échoué : {reason}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/os_scheduler.py" line="62" />
        <source>exit code {code}</source>
        <translation>code de sortie {code}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/os_scheduler.py" line="80" />
        <source>{reason} This session has no systemd user manager to run the sync on a schedule; nothing was registered. Keep Loyalty Desktop open in the tray instead.</source>
        <translation>{reason} Cette session n'a pas de gestionnaire utilisateur systemd pour lancer la synchronisation selon une planification ; rien n'a été enregistré. Gardez plutôt Loyalty Desktop ouvert dans la zone de notification.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/saved.py" line="38" />
        <source>Nothing is set up yet: open Loyalty Desktop and complete the set-up (or give --to and --source to sync without it).</source>
        <translation>Rien n'est encore configuré : ouvrez Loyalty Desktop et terminez la configuration (ou indiquez --to et --source pour synchroniser sans elle).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/saved.py" line="43" />
        <source>The saved set-up names a source or destination this version does not know ({source} → {target}): run the set-up again.</source>
        <translation>La configuration enregistrée nomme une source ou une destination que cette version ne connaît pas ({source} → {target}) : refaites la configuration.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/schedule/saved.py" line="58" />
        <source>The {platform} key is not in the system keyring (kept for one session only, or never stored), so a sync started by the system cannot use it. Store it with `loyalty-desktop key set {id}`.</source>
        <translation>La clé {platform} n'est pas dans le trousseau du système (gardée pour une seule session, ou jamais enregistrée) : une synchronisation lancée par le système ne peut pas l'utiliser. Enregistrez-la avec `loyalty-desktop key set {id}`.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>line</source>
        <translation>ligne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <source>column</source>
        <translation>colonne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>reason</source>
        <translation>motif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/rejects.py" line="48" />
        <source>detail</source>
        <translation>précision</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="88" />
        <source>field</source>
        <translation>champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="93" />
        <source>source</source>
        <translation>données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="93" />
        <source>destination</source>
        <translation>plateforme</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="98" />
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="98" />
        <source>event</source>
        <translation>événement</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="98" />
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="98" />
        <source>ledger</source>
        <translation>historique de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/store/rejects.py" line="99" />
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/summary.py" line="98" />
        <source>the points expired on {date} before it could be sent</source>
        <translation>les points ont expiré le {date} avant qu'il puisse être envoyé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/summary.py" line="103" />
        <source>only {days} day(s) were left: the {window}-day warning is the one due</source>
        <translation>il ne restait que {days} jour(s) : c'est l'avertissement à {window} jours qui est dû</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/summary.py" line="106" />
        <source>the reward expired before it could be sent</source>
        <translation>la récompense a expiré avant qu'il puisse être envoyé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/summary.py" line="108" />
        <source>the moment is too old to announce as new</source>
        <translation>le moment est trop ancien pour être annoncé comme nouveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sync/summary.py" line="109" />
        <source>{email}: {metric} not sent, {why}</source>
        <translation>{email} : {metric} non envoyé, {why}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/convert.py" line="41" />
        <source>--map takes FIELD=COLUMN (got {item})</source>
        <translation>--map attend CHAMP=COLONNE (reçu {item})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="22" />
        <source>Sync a loyalty program into Klaviyo or Splio.</source>
        <translation>Synchronise un programme de fidélité vers Klaviyo ou Splio.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="23" />
        <source>Exit codes: 0 done; 1 a problem the message explains; 2 a wrong option; 75 another sync runs on this data folder (try later, or --wait); 70 a bug (details in the log); 130 interrupted.</source>
        <translation>Codes de sortie : 0 terminé ; 1 un problème expliqué par le message ; 2 une option erronée ; 75 une autre synchronisation tourne sur ce dossier de données (réessayez plus tard, ou --wait) ; 70 un bogue (détails dans le journal) ; 130 interrompu.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="25" />
        <source>folder for the local store and logs (or ${env})</source>
        <translation>dossier de la base locale et des journaux (ou ${env})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="26" />
        <source>start the set-up wizard in offline demo mode</source>
        <translation>démarrer l'assistant de configuration en mode démo hors ligne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="27" />
        <source>start in the tray with no window (how the app starts at login)</source>
        <translation>démarrer dans la zone de notification sans fenêtre (comme au démarrage de session)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="28" />
        <source>if the local store is damaged or not ours, keep it aside (renamed) and start a new one</source>
        <translation>si la base locale est endommagée ou n'est pas la nôtre, la mettre de côté (renommée) et en commencer une nouvelle</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="29" />
        <source>sync loyalty data to a destination</source>
        <translation>synchroniser les données de fidélité vers une destination</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="30" />
        <source>run the offline sandboxes (Klaviyo, Splio, Smile.io)</source>
        <translation>lancer les bacs à sable hors ligne (Klaviyo, Splio, Smile.io)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="31" />
        <source>the demo loyalty program: show, tick DAYS, reset</source>
        <translation>le programme de fidélité de démonstration : show (afficher), tick JOURS (avancer), reset (supprimer)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="32" />
        <source>sync history</source>
        <translation>historique des synchronisations</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="33" />
        <source>show how a CSV/Excel export would be read</source>
        <translation>montrer comment un export CSV/Excel serait lu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="34" />
        <source>check this installation: Qt, translations, keyring, a demo sync to each sandbox</source>
        <translation>vérifier cette installation : Qt, traductions, trousseau, une synchronisation de démonstration vers chaque bac à sable</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="35" />
        <source>render every wizard page and the main window to PNG (demo mode)</source>
        <translation>rendre chaque page de l'assistant et la fenêtre principale en PNG (mode démo)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="36" />
        <source>create the Klaviyo loyalty kit: segments, email templates, draft flows</source>
        <translation>créer le kit fidélité Klaviyo : segments, modèles d'e-mails, flows en brouillon</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="37" />
        <source>have the system run the saved sync on its schedule (no tray needed)</source>
        <translation>faire lancer la synchronisation enregistrée par le système selon son planning (sans zone de notification)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="38" />
        <source>store or delete an API key in the OS keyring</source>
        <translation>enregistrer ou supprimer une clé d'API dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="39" />
        <source>sync the set-up the app saved (default without --to)</source>
        <translation>synchroniser la configuration enregistrée par l'application (par défaut sans --to)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="40" />
        <source>default: demo</source>
        <translation>par défaut : demo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="41" />
        <source>demo: number of members (default 500); csv: the members file</source>
        <translation>demo : nombre de membres (500 par défaut) ; csv : le fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="42" />
        <source>demo program seed</source>
        <translation>graine du programme de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="43" />
        <source>if another sync runs on this data folder, wait up to SECONDS for it (default: stop at once, exit code 75)</source>
        <translation>si une autre synchronisation tourne sur ce dossier de données, l'attendre jusqu'à SECONDES (par défaut : arrêt immédiat, code de sortie 75)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="45" />
        <source>csv: the ledger file (one row per points movement)</source>
        <translation>csv : le fichier d'historique (une ligne par mouvement de points)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="46" />
        <source>source API address (e.g. a Smile sandbox)</source>
        <translation>adresse de l'API de la source (par ex. un bac à sable Smile)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="47" />
        <source>default: the saved set-up's destination</source>
        <translation>par défaut : la destination de la configuration enregistrée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="48" />
        <source>API address (e.g. a sandbox started with `loyalty-desktop sandbox`)</source>
        <translation>adresse de l'API (par ex. un bac à sable lancé avec `loyalty-desktop sandbox`)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="49" />
        <source>field mapping preset (default: the target's)</source>
        <translation>préréglage de correspondance des champs (par défaut : celui de la destination)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="50" />
        <source>first sync: replay history as backfill events</source>
        <translation>première synchronisation : rejouer l'historique en événements de rattrapage</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="51" />
        <source>send live events even when there are more than the larger of {minimum} and {share}%% of the members (without it such a sync stops with the counts by metric and exit code 3)</source>
        <translation>envoyer les événements en direct même s'il y en a plus que le plus grand de {minimum} et {share}%% des membres (sans cette option, une telle synchronisation s'arrête avec les nombres par métrique et le code de sortie 3)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="53" />
        <source>Splio: create missing custom fields</source>
        <translation>Splio : créer les champs personnalisés manquants</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="54" />
        <source>Splio: create contacts missing in Splio</source>
        <translation>Splio : créer les contacts absents de Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="55" />
        <source>Splio: read current values first and write only what differs</source>
        <translation>Splio : lire d'abord les valeurs actuelles et n'écrire que ce qui diffère</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="56" />
        <source>csv: the column holding each member's email</source>
        <translation>csv : la colonne qui contient l'e-mail de chaque membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="57" />
        <source>csv: read FIELD from COLUMN (a header, case-insensitive, or #N for the Nth column); FIELD= leaves the field out; repeat for several</source>
        <translation>csv : lire CHAMP dans COLONNE (un en-tête, sans tenir compte de la casse, ou #N pour la N-ième colonne) ; CHAMP= laisse le champ de côté ; à répéter pour plusieurs</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="59" />
        <source>csv: dates are day/month/year or month/day/year</source>
        <translation>csv : les dates sont en jour/mois/année ou mois/jour/année</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="60" />
        <source>csv: the decimal separator (1 234,5 or 1,234.5)</source>
        <translation>csv : le séparateur décimal (1 234,5 ou 1,234.5)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="61" />
        <source>csv: the text encoding of the CSV files (utf-8, cp1252, mac_roman, utf-16…), when the detected one is wrong or the file mixes two</source>
        <translation>csv : l'encodage du texte des fichiers CSV (utf-8, cp1252, mac_roman, utf-16…), quand celui détecté est faux ou que le fichier en mélange deux</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="63" />
        <source>first port (0: any free ports)</source>
        <translation>premier port (0 : n'importe quels ports libres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="64" />
        <source>list the rows of a run the platform refused or the loyalty data rejected (could not be used)</source>
        <translation>lister les lignes d'une synchronisation que la plateforme a refusées ou que les données de fidélité ont rejetées (inutilisables)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="65" />
        <source>with --rejected: write them as CSV to FILE (- for the terminal)</source>
        <translation>avec --rejected : les écrire en CSV dans FICHIER (- pour le terminal)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="66" />
        <source>leave Qt out (a build checked where Qt cannot run)</source>
        <translation>laisser Qt de côté (une version vérifiée là où Qt ne peut pas tourner)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="67" />
        <source>templates' language(s)</source>
        <translation>langue(s) des modèles</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="68" />
        <source>comma-separated: segments,templates,flows</source>
        <translation>séparés par des virgules : segments,templates,flows</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="69" />
        <source>look everything up, change nothing</source>
        <translation>tout consulter, ne rien changer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="70" />
        <source>field mapping (default: the one the last sync to this account used)</source>
        <translation>correspondance des champs (par défaut : celle de la dernière synchronisation vers ce compte)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="71" />
        <source>also one segment per points range</source>
        <translation>aussi un segment par tranche de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="72" />
        <source>klaviyo-sandbox: demo members synced first</source>
        <translation>klaviyo-sandbox : membres de démonstration synchronisés d'abord</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="73" />
        <source>klaviyo-sandbox: demo program seed</source>
        <translation>klaviyo-sandbox : graine du programme de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="74" />
        <source>install: every day at this time</source>
        <translation>install : chaque jour à cette heure</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="75" />
        <source>install: every HOURS hours (1-168)</source>
        <translation>install : toutes les HEURES heures (1-168)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="82" />
        <source>usage: </source>
        <translation>utilisation : </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="83" />
        <source>positional arguments</source>
        <translation>arguments positionnels </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="84" />
        <source>options</source>
        <translation>options </translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="85" />
        <source>show this help message and exit</source>
        <translation>afficher ce message d'aide et quitter</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="86" />
        <source>show program's version number and exit</source>
        <translation>afficher le numéro de version du programme et quitter</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="87" />
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="88" />
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s : erreur : %(message)s
</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="89" />
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide : %(value)r (choisir parmi %(choices)s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="91" />
        <source>the following arguments are required: %s</source>
        <translation>les arguments suivants sont obligatoires : %s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="92" />
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="93" />
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="94" />
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide : %(value)r</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="95" />
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë : %(option)s pourrait correspondre à %(matches)s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/help_words.py" line="97" />
        <source>not allowed with argument %s</source>
        <translation>non permis avec l'argument %s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="79" />
        <source>--only takes some of: {kinds} (got {only})</source>
        <translation>--only prend certains de : {kinds} (reçu {only})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="96" />
        <source>The sandbox starts empty: syncing the demo program ({members} members, history as backfill events) first.</source>
        <translation>Le bac à sable démarre vide : synchronisation d'abord du programme de démonstration ({members} membres, historique en événements de rattrapage).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="104" />
        <source>the demo sync failed: {error}</source>
        <translation>la synchronisation de démonstration a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="105" />
        <source>Synced {profiles} profiles and {events} events.</source>
        <translation>{profiles} profils et {events} événements synchronisés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="128" />
        <source>Segment members (sandbox / app preview):</source>
        <translation>Membres des segments (bac à sable / aperçu de l'application) :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="161" />
        <source>Kit for {platform} account {account} done in {seconds} s: {counts}</source>
        <translation>Kit pour le compte {platform} {account} terminé en {seconds} s : {counts}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="162" />
        <source>Kit for {platform} account {account} cancelled in {seconds} s: {counts}</source>
        <translation>Kit pour le compte {platform} {account} annulé après {seconds} s : {counts}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="163" />
        <source>Dry run of the kit for {platform} account {account} done in {seconds} s: {counts}</source>
        <translation>Essai à blanc du kit pour le compte {platform} {account} terminé en {seconds} s : {counts}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="164" />
        <source>Dry run of the kit for {platform} account {account} cancelled in {seconds} s: {counts}</source>
        <translation>Essai à blanc du kit pour le compte {platform} {account} annulé après {seconds} s : {counts}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="168" />
        <source>nothing to do</source>
        <translation>rien à faire</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/sandbox.py" line="63" />
        <source>Port {port} on 127.0.0.1 is already in use (another sandbox or program). Choose another with --port, or --port 0 for any free port.</source>
        <translation>Le port {port} de 127.0.0.1 est déjà utilisé (un autre bac à sable ou programme). Choisissez-en un autre avec --port, ou --port 0 pour n'importe quel port libre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/sandbox.py" line="66" />
        <source>Port {port} needs administrator rights on this system. Choose a port above 1023 with --port, or --port 0 for any free port.</source>
        <translation>Le port {port} demande les droits d'administrateur sur ce système. Choisissez un port au-dessus de 1023 avec --port, ou --port 0 pour n'importe quel port libre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/sandbox.py" line="68" />
        <source>Cannot listen on 127.0.0.1 port {port}: {reason}.</source>
        <translation>Impossible d'écouter sur le port {port} de 127.0.0.1 : {reason}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/options.py" line="102" />
        <source>{what} is a number of members, not {text}</source>
        <translation>{what} est un nombre de membres, pas {text}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/options.py" line="110" />
        <source>{what} needs --members FILE: the members export (CSV or Excel .xlsx), and optionally --ledger FILE, the points history.</source>
        <translation>{what} demande --members FICHIER : l'export des membres (CSV ou Excel .xlsx), et en option --ledger FICHIER, l'historique des points.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/options.py" line="119" />
        <location filename="../../loyalty_desktop/service_demo.py" line="31" />
        <source>The demo program's seed is a whole number from 0, not {seed}.</source>
        <translation>La graine du programme de démonstration est un nombre entier à partir de 0, pas {seed}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="77" />
        <source>reward {name}: its price must be a positive number of points</source>
        <translation>récompense {name} : son prix doit être un nombre de points positif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="98" />
        <source>tier {name}: its threshold {threshold} is negative</source>
        <translation>palier {name} : son seuil {threshold} est négatif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="101" />
        <source>tier {id}: it has no name</source>
        <translation>palier {id} : il n'a pas de nom</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="104" />
        <source>tier {name} appears twice</source>
        <translation>le palier {name} apparaît deux fois</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="106" />
        <source>tier id {id} appears twice</source>
        <translation>l'identifiant de palier {id} apparaît deux fois</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="110" />
        <source>tiers {previous} and {name} have the same threshold ({threshold})</source>
        <translation>les paliers {previous} et {name} ont le même seuil ({threshold})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/program.py" line="111" />
        <source>tier {name} ({threshold}) comes after {previous} ({previous_threshold}): list the tiers from the lowest threshold to the highest</source>
        <translation>le palier {name} ({threshold}) vient après {previous} ({previous_threshold}) : listez les paliers du seuil le plus bas au plus haut</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/secrets.py" line="45" />
        <source>macOS Keychain</source>
        <translation>Trousseau d'accès macOS</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/secrets.py" line="47" />
        <source>Windows Credential Manager</source>
        <translation>Gestionnaire d'identification Windows</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/secrets.py" line="49" />
        <source>GNOME Keyring</source>
        <translation>Trousseau GNOME</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/secrets.py" line="51" />
        <source>KDE Wallet</source>
        <translation>Portefeuille KDE</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/secrets.py" line="98" />
        <source>no system keyring is available</source>
        <translation>aucun trousseau du système n'est disponible</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/adapter.py" line="109" />
        <source>Klaviyo answered HTTP {status}: {detail}</source>
        <translation>Klaviyo a répondu HTTP {status} : {detail}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/adapter.py" line="178" />
        <source>Loyalty kit: {count} flow(s) that waited for their first event were created as drafts: {flows}</source>
        <translation>Kit fidélité : {count} flow(s) qui attendaient leur premier événement ont été créés en brouillon : {flows}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/adapter.py" line="268" />
        <source>Klaviyo kept rejecting rows of the same batch</source>
        <translation>Klaviyo a rejeté à répétition des lignes du même lot</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/adapter.py" line="340" />
        <source>Klaviyo kept rejecting events of the same batch</source>
        <translation>Klaviyo a rejeté à répétition des événements du même lot</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/kit/runner.py" line="66" />
        <source>Klaviyo allows {limit} new segments per day; {left} remain, run the kit again tomorrow.</source>
        <translation>Klaviyo permet {limit} nouveaux segments par jour ; il en reste {left}, relancez le kit demain.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/kit/runner.py" line="67" />
        <source>Klaviyo allows {limit} new templates per day; {left} remain, run the kit again tomorrow.</source>
        <translation>Klaviyo permet {limit} nouveaux modèles par jour ; il en reste {left}, relancez le kit demain.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/kit/runner.py" line="68" />
        <source>Klaviyo allows {limit} new flows per day; {left} remain, run the kit again tomorrow.</source>
        <translation>Klaviyo permet {limit} nouveaux flows par jour ; il en reste {left}, relancez le kit demain.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/kit/runner.py" line="236" />
        <source>The loyalty kit is made in Klaviyo: connect a Klaviyo account first.</source>
        <translation>Le kit fidélité se crée dans Klaviyo : connectez d'abord un compte Klaviyo.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/klaviyo/target.py" line="37" />
        <location filename="../../loyalty_desktop/destinations/splio/target.py" line="67" />
        <source>No {platform} key: store one with `loyalty-desktop key set {id}` or set {env}.</source>
        <translation>Aucune clé {platform} : enregistrez-en une avec `loyalty-desktop key set {id}` ou définissez {env}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="86" />
        <source>not in Splio: no contact has this {key}; skipped (tick "Create missing contacts" in Settings → Sync options, or --create-missing on the command line, to create it)</source>
        <translation>absent de Splio : aucun contact n'a cet identifiant ({key}) ; ignoré (cochez « Créer les contacts manquants » dans Paramètres → Options de synchronisation, ou --create-missing en ligne de commande, pour le créer)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="163" />
        <source>Splio's /authenticate answered without a token</source>
        <translation>/authenticate de Splio a répondu sans jeton</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="242" />
        <source>Splio gave an unexpected unique key {key} (expected email, cellphone or cN)</source>
        <translation>Splio a donné une clé unique inattendue {key} (attendu : email, cellphone ou cN)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="258" />
        <source>Splio fields are not resolved for this mapping (prepare() runs first).</source>
        <translation>Les champs Splio ne sont pas résolus pour cette correspondance (prepare() passe d'abord).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="269" />
        <source>Splio fields are not resolved (prepare() runs first).</source>
        <translation>Les champs Splio ne sont pas résolus (prepare() passe d'abord).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/adapter.py" line="354" />
        <source>Splio kept refusing the contacts of one bulk creation</source>
        <translation>Splio a refusé à répétition les contacts d'une création groupée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="32" />
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="32" />
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="33" />
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="32" />
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="33" />
        <source>a date</source>
        <translation>une date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="33" />
        <source>an integer</source>
        <translation>un entier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="33" />
        <source>a decimal</source>
        <translation>un décimal</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="97" />
        <source>{label} is {type} but the contact's {field} is a text.</source>
        <translation>{label} est {type} mais le champ {field} du contact est un texte.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="109" />
        <source>Splio field {name} (id {id}) holds {splio_type} but {label} is {type}.</source>
        <translation>Le champ Splio {name} (id {id}) contient {splio_type} mais {label} est {type}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="119" />
        <source>the Splio field name {name} has spaces, accents or symbols; Splio advises against them for Designer variables</source>
        <translation>le nom de champ Splio {name} contient des espaces, des accents ou des symboles ; Splio les déconseille pour les variables de Designer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/fields.py" line="271" />
        <source>This Splio universe identifies contacts by its custom field {key} (id {id}); map the loyalty field that holds this identifier (e.g. the external ID) to it.</source>
        <translation>Cet univers Splio identifie les contacts par son champ personnalisé {key} (id {id}) ; faites-y correspondre le champ de fidélité qui porte cet identifiant (par exemple l'ID externe).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/http.py" line="95" />
        <source>Splio refused this request for this API user (HTTP 403 Forbidden). Check the API user's rights in Splio (Users → API users).</source>
        <translation>Splio a refusé cette requête pour cet utilisateur d'API (HTTP 403 Forbidden). Vérifiez les droits de l'utilisateur d'API dans Splio (Utilisateurs → Utilisateurs API).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/http.py" line="97" />
        <source>Splio answered HTTP {status}: {detail}</source>
        <translation>Splio a répondu HTTP {status} : {detail}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/kit/groups.py" line="191" />
        <source>Splio groups refreshed: {groups}.</source>
        <translation>Groupes Splio mis à jour : {groups}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/kit/groups.py" line="216" />
        <source>The Splio groups were not refreshed ({error}); the next sync tries again.</source>
        <translation>Les groupes Splio n'ont pas été mis à jour ({error}) ; la prochaine synchronisation réessaie.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/kit/runner.py" line="29" />
        <source>Groups are not made: this universe identifies contacts by {key}; the kit fills groups with contacts identified by email.</source>
        <translation>Les groupes ne sont pas créés : cet univers identifie les contacts par {key} ; le kit remplit les groupes avec des contacts identifiés par e-mail.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/moments_send.py" line="31" />
        <source>not in Splio: no contact has this email; the moment is not sent</source>
        <translation>absent de Splio : aucun contact n'a cet e-mail ; le moment n'est pas envoyé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="36" />
        <source>This Splio API user may not create custom fields ({names}). Create them in Splio (Settings → Fields, contact fields: {types}), or give the API user that right, then sync again.</source>
        <translation>Cet utilisateur d'API Splio ne peut pas créer de champs personnalisés ({names}). Créez-les dans Splio (Paramètres → Champs, champs de contact : {types}), ou donnez ce droit à l'utilisateur d'API, puis synchronisez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="39" />
        <source>Splio has no custom field {names} yet. Let Loyalty Desktop create it (--create-fields, or the wizard's "create missing fields" box), or create it in Splio ({types}), then sync again.</source>
        <translation>Splio n'a pas encore de champ personnalisé {names}. Laissez Loyalty Desktop le créer (--create-fields, ou la case « créer les champs manquants » de l'assistant), ou créez-le dans Splio ({types}), puis synchronisez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="41" />
        <source>Splio has no custom fields {names} yet. Let Loyalty Desktop create them (--create-fields, or the wizard's "create missing fields" box), or create them in Splio ({types}), then sync again.</source>
        <translation>Splio n'a pas encore de champs personnalisés {names}. Laissez Loyalty Desktop les créer (--create-fields, ou la case « créer les champs manquants » de l'assistant), ou créez-les dans Splio ({types}), puis synchronisez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="93" />
        <source>The field mapping does not fit the Splio fields: {problems} Map these loyalty fields to other Splio fields.</source>
        <translation>La correspondance des champs ne convient pas aux champs Splio : {problems} Faites correspondre ces champs de fidélité à d'autres champs Splio.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="114" />
        <source>Splio did not show the custom fields just created; try again.</source>
        <translation>Splio n'a pas montré les champs personnalisés qui viennent d'être créés ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="124" />
        <source>Read {count} Splio contacts first: only contacts whose values differ are written.</source>
        <translation>{count} contacts Splio lus d'abord : seuls les contacts dont les valeurs diffèrent sont écrits.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="133" />
        <source>Moments are not sent: this universe identifies contacts by {key}, and Loyalty Desktop sends moments to contacts identified by email.</source>
        <translation>Les moments ne sont pas envoyés : cet univers identifie les contacts par {key}, et Loyalty Desktop envoie les moments aux contacts identifiés par e-mail.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="144" />
        <source>Created the {count} Splio moment fields (loyalty_points_earned_at, …).</source>
        <translation>Les {count} champs de moments Splio ont été créés (loyalty_points_earned_at, …).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="147" />
        <source>{count} of the Splio moment fields do not exist yet: moments are posted as interactions, and written to the fields that exist. Run the Splio kit (or allow creating missing fields) so trigger campaigns can watch them.</source>
        <translation>{count} des champs de moments Splio n'existent pas encore : les moments sont envoyés comme interactions, et écrits dans les champs qui existent. Lancez le kit Splio (ou autorisez la création des champs manquants) pour que les campagnes trigger puissent les surveiller.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/destinations/splio/prepare.py" line="220" />
        <source>Splio refused to create the custom field {name} ({type}): {detail}</source>
        <translation>Splio a refusé de créer le champ personnalisé {name} ({type}) : {detail}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/client.py" line="216" />
        <source>TLS error: {name}</source>
        <translation>erreur TLS : {name}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/client.py" line="219" />
        <source>the proxy refused the connection</source>
        <translation>le proxy a refusé la connexion</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/net/client.py" line="221" />
        <source>the server did not answer in time</source>
        <translation>le serveur n'a pas répondu à temps</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service.py" line="173" />
        <source>Unknown {what} {name}; choose one of: {choices}</source>
        <translation>{what} inconnu(e) {name} ; choisissez parmi : {choices}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service.py" line="180" />
        <source>The {what} {name} is not available in this version.</source>
        <translation>{what} {name} n'est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service.py" line="191" />
        <source>The {what} is not available in this version.</source>
        <translation>{what} n'est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service.py" line="222" />
        <source>Unknown preset {preset}; choose one of: {choices}</source>
        <translation>Préréglage inconnu {preset} ; choisissez parmi : {choices}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service_demo.py" line="28" />
        <source>The demo program has between 1 and {max} members, not {members}.</source>
        <translation>Le programme de démonstration a entre 1 et {max} membres, pas {members}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service_demo.py" line="58" />
        <source>The demo program is damaged ({error}). Remove it with `loyalty-desktop demo reset --members {members} --seed {seed}`; the next sync makes it again.</source>
        <translation>Le programme de démonstration est endommagé ({error}). Supprimez-le avec `loyalty-desktop demo reset --members {members} --seed {seed}` ; la prochaine synchronisation le recrée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/service_splio.py" line="70" />
        <source>The Splio kit needs a Splio connection.</source>
        <translation>Le kit Splio a besoin d'une connexion à Splio.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="72" />
        <source>{orders} order(s) and {missions} mission(s) earned points ({elsewhere} more earnings from birthdays and referrals)</source>
        <translation>{orders} commande(s) et {missions} mission(s) ont rapporté des points ({elsewhere} gains de plus par anniversaires et parrainages)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="74" />
        <source>{orders} order(s) and {missions} mission(s) earned points</source>
        <translation>{orders} commande(s) et {missions} mission(s) ont rapporté des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="75" />
        <source>{points_redeemed} redemption(s) of points for a voucher; {rewards_issued} reward(s) issued ({birthday_rewards} for a birthday), {rewards_used} used</source>
        <translation>{points_redeemed} échange(s) de points contre un bon ; {rewards_issued} récompense(s) émise(s) ({birthday_rewards} pour un anniversaire), {rewards_used} utilisée(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="77" />
        <source>{tier_changes} tier upgrade(s)</source>
        <translation>{tier_changes} passage(s) au palier supérieur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="78" />
        <source>{referrals_started} referral(s) started, {referrals_completed} completed, {referrals_claimed} claimed, {referrals_expired} expired</source>
        <translation>{referrals_started} parrainage(s) commencé(s), {referrals_completed} conclu(s), {referrals_claimed} réclamé(s), {referrals_expired} expiré(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="80" />
        <source>{points_expired} expiration(s) of unused points</source>
        <translation>{points_expired} expiration(s) de points inutilisés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="81" />
        <source>{new_members} new member(s)</source>
        <translation>{new_members} nouveau(x) membre(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/demo/program.py" line="82" />
        <source>{members_changed} member(s) changed in all</source>
        <translation>{members_changed} membre(s) modifié(s) en tout</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/api.py" line="102" />
        <source>{platform} answered HTTP {status} on {path}: {detail}</source>
        <translation>{platform} a répondu HTTP {status} sur {path} : {detail}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/program.py" line="49" />
        <source>Smile VIP tier {name} has no usable id or milestone: the next tier is not sent.</source>
        <translation>Le palier VIP Smile {name} n'a pas d'identifiant ou de seuil utilisable : le palier suivant n'est pas envoyé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/program.py" line="56" />
        <source>The Smile key cannot read points products (points_product:read): points to the next reward and reward ready are not sent.</source>
        <translation>La clé Smile ne peut pas lire les produits à points (points_product:read) : les points jusqu'à la prochaine récompense et « récompense disponible » ne sont pas envoyés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/program.py" line="66" />
        <source>Smile points product {name} has no usable points price: left out.</source>
        <translation>Le produit à points Smile {name} n'a pas de prix en points utilisable : laissé de côté.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/program.py" line="73" />
        <source>Smile VIP tiers cannot be used ({error}): the next tier is not sent.</source>
        <translation>Les paliers VIP Smile ne peuvent pas être utilisés ({error}) : le palier suivant n'est pas envoyé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="95" />
        <source>{platform} (full read): {customers} customers, {transactions} points transactions, {rewards} reward fulfillments in {requests} requests; {members} members.</source>
        <translation>{platform} (lecture complète) : {customers} clients, {transactions} mouvements de points, {rewards} récompenses remises en {requests} requêtes ; {members} membres.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="97" />
        <source>{platform} (changes): {customers} customers, {transactions} points transactions, {rewards} reward fulfillments in {requests} requests; {members} members.</source>
        <translation>{platform} (changements) : {customers} clients, {transactions} mouvements de points, {rewards} récompenses remises en {requests} requêtes ; {members} membres.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="103" />
        <source>{platform}: skipped {count} customer(s) without an email (Smile ids {ids}).</source>
        <translation>{platform} : {count} client(s) sans e-mail laissé(s) de côté (ids Smile {ids}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="104" />
        <source>{platform}: skipped {count} customer(s) without an email (Smile ids {ids} and {more} more).</source>
        <translation>{platform} : {count} client(s) sans e-mail laissé(s) de côté (ids Smile {ids} et {more} de plus).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="106" />
        <source>{platform}: skipped {count} customer(s) with an invalid email (Smile ids {ids}).</source>
        <translation>{platform} : {count} client(s) à l'e-mail invalide laissé(s) de côté (ids Smile {ids}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="107" />
        <source>{platform}: skipped {count} customer(s) with an invalid email (Smile ids {ids} and {more} more).</source>
        <translation>{platform} : {count} client(s) à l'e-mail invalide laissé(s) de côté (ids Smile {ids} et {more} de plus).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="114" />
        <source>{platform}: {count} email(s) belong to several customers; the member account updated last is kept:</source>
        <translation>{platform} : {count} e-mail(s) appartiennent à plusieurs clients ; le compte membre mis à jour en dernier est gardé :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="116" />
        <source>{email}: kept Smile customer {kept}, left out {others}</source>
        <translation>{email} : client Smile {kept} gardé, {others} laissé(s) de côté</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/reader.py" line="119" />
        <source>… and {count} more email(s) of several customers</source>
        <translation>… et {count} e-mail(s) de plus appartenant à plusieurs clients</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/source.py" line="66" />
        <source>No {platform} key: create one in {where}, then store it with `loyalty-desktop key set {id}` or set {env}.</source>
        <translation>Aucune clé {platform} : créez-en une dans {where}, puis enregistrez-la avec `loyalty-desktop key set {id}` ou définissez {env}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/smile/source.py" line="116" />
        <source>demo program {name}, {members} members</source>
        <translation>programme de démonstration {name}, {members} membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/derived.py" line="43" />
        <source>{fields}: not sent (no column, and no tiers table: add {file} next to the export, or a “Tiers” sheet to the workbook).</source>
        <translation>{fields} : non envoyé (pas de colonne, ni de table des paliers : ajoutez {file} à côté de l'export, ou une feuille « Tiers » au classeur).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/derived.py" line="46" />
        <source>{fields}: not sent (the tiers table needs the export's lifetime points column).</source>
        <translation>{fields} : non envoyé (la table des paliers a besoin de la colonne des points cumulés de l'export).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/derived.py" line="51" />
        <source>{fields}: not sent (no column, and no rewards table: add {file} next to the export, or a “Rewards” sheet to the workbook).</source>
        <translation>{fields} : non envoyé (pas de colonne, ni de table des récompenses : ajoutez {file} à côté de l'export, ou une feuille « Rewards » au classeur).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/derived.py" line="55" />
        <source>{fields}: not sent (the rewards table needs the export's points balance column).</source>
        <translation>{fields} : non envoyé (la table des récompenses a besoin de la colonne du solde de points de l'export).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/derived.py" line="59" />
        <source>{fields}: not sent (only an export column gives them).</source>
        <translation>{fields} : non envoyé (seule une colonne de l'export les donne).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/headers.py" line="268" />
        <source>unknown {kind} field(s): {fields}</source>
        <translation>champ(s) {kind} inconnu(s) : {fields}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/headers.py" line="272" />
        <source>several columns map to: {fields}</source>
        <translation>plusieurs colonnes correspondent à : {fields}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/headers.py" line="293" />
        <source>no single column named {column}</source>
        <translation>pas de colonne unique nommée {column}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="58" />
        <source>To answer before importing (remembered for files of the same shape):</source>
        <translation>À trancher avant l'import (retenu pour les fichiers de même forme) :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="66" />
        <source>Kind: members (one row per member)</source>
        <translation>Type : membres (une ligne par membre)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="67" />
        <source>Kind: points ledger (one row per points movement)</source>
        <translation>Type : historique des points (une ligne par mouvement de points)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="68" />
        <source>File: {path}</source>
        <translation>Fichier : {path}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="72" />
        <source>Column mapping (saved for this file shape; {path}):</source>
        <translation>Correspondance des colonnes (enregistrée pour cette forme de fichier ; {path}) :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="73" />
        <source>Column mapping (suggested; saved for this file shape at the first sync; {path}):</source>
        <translation>Correspondance des colonnes (suggérée ; enregistrée pour cette forme de fichier à la première synchronisation ; {path}) :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="77" />
        <source>(column {number}, no name)</source>
        <translation>(colonne {number}, sans nom)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="78" />
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="88" />
        <source>Rows: {rows} read; members: {members}; rejected: {rejected}</source>
        <translation>Lignes : {rows} lues ; membres : {members} ; rejetées : {rejected}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="91" />
        <source>duplicate emails: {count} (the later row is used)</source>
        <translation>e-mails en double : {count} (la dernière ligne est utilisée)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="95" />
        <source>Not in this file (left as they are on the platform, never sent as 0 or empty): {fields}</source>
        <translation>Absents de ce fichier (laissés tels quels sur la plateforme, jamais envoyés à 0 ou vides) : {fields}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="98" />
        <source>Cells without a value (that field left as it is for that member): {fields}</source>
        <translation>Cellules sans valeur (ce champ reste tel quel pour ce membre) : {fields}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="102" />
        <source>Tier ids from the standard tier names (no tier id column): {tiers}</source>
        <translation>Identifiants de palier tirés des noms de paliers standard (pas de colonne d'identifiant de palier) : {tiers}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="112" />
        <source>Rows: {rows} read; points movements: {entries} ({rewards} with a reward code); rejected: {rejected}</source>
        <translation>Lignes : {rows} lues ; mouvements de points : {entries} ({rewards} avec un code de récompense) ; rejetées : {rejected}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="115" />
        <source>(whether each email is a member is checked when it is imported with its members file)</source>
        <translation>(l'appartenance de chaque e-mail aux membres est vérifiée à l'import avec son fichier de membres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="119" />
        <source>Rejected rows by reason: {reasons}</source>
        <translation>Lignes rejetées par motif : {reasons}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/inspection.py" line="120" />
        <source>First rejected rows:</source>
        <translation>Premières lignes rejetées :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/parse.py" line="85" />
        <source>no rows</source>
        <translation>aucune ligne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/parse.py" line="87" />
        <source>None of the {rows} rows of {file} could be read (first problem: {first}); check the column mapping and the file (nothing was imported).</source>
        <translation>Aucune des {rows} lignes de {file} n'a pu être lue (premier problème : {first}) ; vérifiez la correspondance des colonnes et le fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="49" />
        <source>{file}: the tiers table needs a name column and a threshold column in its first row (found: {found}).</source>
        <translation>{file} : la table des paliers a besoin d'une colonne de nom et d'une colonne de seuil sur sa première ligne (trouvé : {found}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="50" />
        <source>{file}: the rewards table needs a name column and a points column in its first row (found: {found}).</source>
        <translation>{file} : la table des récompenses a besoin d'une colonne de nom et d'une colonne de points sur sa première ligne (trouvé : {found}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="53" />
        <source>{file}: the tiers table is empty.</source>
        <translation>{file} : la table des paliers est vide.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="53" />
        <source>{file}: the rewards table is empty.</source>
        <translation>{file} : la table des récompenses est vide.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="54" />
        <source>{file}: the tiers table has a header but no rows.</source>
        <translation>{file} : la table des paliers a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="55" />
        <source>{file}: the rewards table has a header but no rows.</source>
        <translation>{file} : la table des récompenses a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="56" />
        <source>line {line}, {column}: {value} is not a whole number of points of 0 or more</source>
        <translation>ligne {line}, {column} : {value} n'est pas un nombre entier de points, 0 ou plus</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="57" />
        <source>line {line}, {column}: {value} is not a whole number of points above 0</source>
        <translation>ligne {line}, {column} : {value} n'est pas un nombre entier de points supérieur à 0</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="58" />
        <source>{file}: {problems}. Correct the table and import again.</source>
        <translation>{file} : {problems}. Corrigez la table et importez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="139" />
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="146" />
        <source>line {line}, {column}: the name is empty</source>
        <translation>ligne {line}, {column} : le nom est vide</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/program_table.py" line="156" />
        <source> (and {count} more)</source>
        <translation> (et {count} de plus)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="98" />
        <source>--map: no field {field} (fields: {fields})</source>
        <translation>--map : pas de champ {field} (champs : {fields})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="108" />
        <source>no single column named {column} (columns: {columns}; #N names the Nth)</source>
        <translation>pas de colonne unique nommée {column} (colonnes : {columns} ; #N désigne la N-ième)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="124" />
        <source>column {number}</source>
        <translation>colonne {number}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="155" />
        <source>Columns {first} and {last} could both be the member's email: choose the one that identifies each member</source>
        <translation>Les colonnes {first} et {last} pourraient toutes deux être l'e-mail du membre : choisissez celle qui identifie chaque membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="178" />
        <source>Columns {where} are all named {name}: choose the one that holds {field}</source>
        <translation>Les colonnes {where} s'appellent toutes {name} : choisissez celle qui contient {field}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="221" />
        <source>The dates in {first} and {last} read both as day/month/year and month/day/year (e.g. {example}): choose the order this file uses</source>
        <translation>Les dates de {first} et {last} se lisent à la fois en jour/mois/année et en mois/jour/année (par ex. {example}) : choisissez l'ordre de ce fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="223" />
        <source>The dates in {last} read both as day/month/year and month/day/year (e.g. {example}): choose the order this file uses</source>
        <translation>Les dates de {last} se lisent à la fois en jour/mois/année et en mois/jour/année (par ex. {example}) : choisissez l'ordre de ce fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="256" />
        <source>{column} writes numbers both as {point} and as {comma}: choose the decimal separator this file uses (rows written the other way are rejected)</source>
        <translation>{column} écrit les nombres à la fois comme {point} et comme {comma} : choisissez le séparateur décimal de ce fichier (les lignes écrites autrement sont rejetées)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="281" />
        <source>{column} holds text (e.g. {example}), not numbers, yet its name matched {field}: import it as {field} anyway, or leave it out</source>
        <translation>{column} contient du texte (par ex. {example}), pas des nombres, alors que son nom correspond à {field} : importez-la quand même comme {field}, ou laissez-la de côté</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/questions.py" line="283" />
        <source>{column} holds text (e.g. {example}), not dates, yet its name matched {field}: import it as {field} anyway, or leave it out</source>
        <translation>{column} contient du texte (par ex. {example}), pas des dates, alors que son nom correspond à {field} : importez-la quand même comme {field}, ou laissez-la de côté</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="40" />
        <source>comma</source>
        <translation>virgule</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="40" />
        <source>semicolon</source>
        <translation>point-virgule</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="40" />
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="40" />
        <source>vertical bar</source>
        <translation>barre verticale</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="47" />
        <source>a PDF document</source>
        <translation>un document PDF</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="48" />
        <source>a PNG image</source>
        <translation>une image PNG</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="49" />
        <source>a JPEG image</source>
        <translation>une image JPEG</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="50" />
        <source>a GIF image</source>
        <translation>une image GIF</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="51" />
        <source>a gzip archive</source>
        <translation>une archive gzip</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="52" />
        <source>a RAR archive</source>
        <translation>une archive RAR</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="53" />
        <source>a 7-Zip archive</source>
        <translation>une archive 7-Zip</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="54" />
        <source>a SQLite database</source>
        <translation>une base SQLite</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="58" />
        <source>{file} is empty: export it again from your loyalty program (nothing was imported).</source>
        <translation>{file} est vide : exportez-le à nouveau depuis votre programme de fidélité (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="106" />
        <source>Excel workbook (.xlsx)</source>
        <translation>classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="108" />
        <source>CSV, {encoding}, {delimiter}-separated</source>
        <translation>CSV, {encoding}, séparateur {delimiter}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="117" />
        <source>{path} does not exist or is not a file: check the path of the export.</source>
        <translation>{path} n'existe pas ou n'est pas un fichier : vérifiez le chemin de l'export.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="136" />
        <source>{file} is {what}, not a spreadsheet: export the loyalty data as CSV or Excel (.xlsx) and choose that file (nothing was imported).</source>
        <translation>{file} est {what}, pas un tableur : exportez les données de fidélité en CSV ou Excel (.xlsx) et choisissez ce fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="146" />
        <source>{file} is protected by a password: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear it), save, and import it again (nothing was imported).</source>
        <translation>{file} est protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier → Informations → Protéger le classeur → Chiffrer avec mot de passe, puis videz-le), enregistrez, et importez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="151" />
        <source>{file} is an old Excel 97–2003 workbook (.xls): open it in Excel and save it as .xlsx or CSV, then import that file (nothing was imported).</source>
        <translation>{file} est un ancien classeur Excel 97–2003 (.xls) : ouvrez-le dans Excel et enregistrez-le en .xlsx ou CSV, puis importez ce fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="153" />
        <source>an Office document</source>
        <translation>un document Office</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="163" />
        <source>{file} looks like an Excel file but is damaged ({detail}): export it again (nothing was imported).</source>
        <translation>{file} ressemble à un fichier Excel mais est endommagé ({detail}) : exportez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="167" />
        <source>{file} is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV, then import that file (nothing was imported).</source>
        <translation>{file} est un classeur OpenDocument (.ods) : enregistrez-le en .xlsx ou CSV, puis importez ce fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="170" />
        <source>a Word document</source>
        <translation>un document Word</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="171" />
        <source>a PowerPoint presentation</source>
        <translation>une présentation PowerPoint</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="171" />
        <source>a ZIP archive</source>
        <translation>une archive ZIP</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="176" />
        <source>{file} holds no worksheet that can be read (the workbook is damaged): open it in Excel, save it again as .xlsx or CSV, and import that file (nothing was imported).</source>
        <translation>{file} ne contient aucune feuille lisible (le classeur est endommagé) : ouvrez-le dans Excel, enregistrez-le à nouveau en .xlsx ou CSV, et importez ce fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="196" />
        <source>{file} could not be read as an Excel workbook ({detail}): open it in Excel, save it again as .xlsx or CSV, and import that file (nothing was imported).</source>
        <translation>{file} n'a pas pu être lu comme un classeur Excel ({detail}) : ouvrez-le dans Excel, enregistrez-le à nouveau en .xlsx ou CSV, et importez ce fichier (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="239" />
        <source>a binary file</source>
        <translation>un fichier binaire</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="247" />
        <source>{encoding} is not an encoding this program knows: give one such as utf-8, cp1252 (Windows), mac_roman or utf-16 (nothing was imported).</source>
        <translation>{encoding} n'est pas un encodage connu de ce programme : donnez-en un comme utf-8, cp1252 (Windows), mac_roman ou utf-16 (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="267" />
        <source>a web page or data file (HTML, XML or JSON)</source>
        <translation>une page web ou un fichier de données (HTML, XML ou JSON)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="281" />
        <source>{file} mixes two text encodings: line {utf8_line} (character {utf8_char}) is UTF-8 but line {other_line} (character {other_char}) is not, so one part would be sent garbled (“Ã©” instead of “é”). Save the whole file in one encoding (UTF-8) and import it again, or choose the encoding to read it with: --encoding utf-8 (the lines that are not UTF-8 are rejected) or --encoding cp1252 (Windows; the UTF-8 lines' accents come out wrong) (nothing was imported).</source>
        <translation>{file} mélange deux encodages de texte : la ligne {utf8_line} (caractère {utf8_char}) est en UTF-8 mais la ligne {other_line} (caractère {other_char}) ne l'est pas, donc une partie serait envoyée déformée (« Ã© » au lieu de « é »). Enregistrez tout le fichier dans un seul encodage (UTF-8) et importez-le à nouveau, ou choisissez l'encodage de lecture : --encoding utf-8 (les lignes qui ne sont pas en UTF-8 sont rejetées) ou --encoding cp1252 (Windows ; les accents des lignes UTF-8 sortent faux) (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="287" />
        <source>{character}, byte 0x{hex}</source>
        <translation>{character}, octet 0x{hex}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/read.py" line="371" />
        <source>{file} could not be read ({detail}): open it in Excel, save it again as .xlsx or CSV and retry (nothing was imported).</source>
        <translation>{file} n'a pas pu être lu ({detail}) : ouvrez-le dans Excel, enregistrez-le à nouveau en .xlsx ou CSV et réessayez (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="90" />
        <source>Format: {format}, sheet {sheet}; header on line {line}</source>
        <translation>Format : {format}, feuille {sheet} ; en-tête à la ligne {line}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="93" />
        <source>Format: {format}; header on line {line}</source>
        <translation>Format : {format} ; en-tête à la ligne {line}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="95" />
        <source>Numbers: decimal comma (1 234,5)</source>
        <translation>Nombres : virgule décimale (1 234,5)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="96" />
        <source>Numbers: decimal point (1,234.5)</source>
        <translation>Nombres : point décimal (1,234.5)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="98" />
        <source>Dates in {column}: day/month/year</source>
        <translation>Dates de {column} : jour/mois/année</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="99" />
        <source>Dates in {column}: month/day/year</source>
        <translation>Dates de {column} : mois/jour/année</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="160" />
        <source>line {line} cannot be read ({reason}: {detail})</source>
        <translation>la ligne {line} ne peut pas être lue ({reason} : {detail})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="169" />
        <source>{file} (sheet {sheet})</source>
        <translation>{file} (feuille {sheet})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="173" />
        <source>{file}: no row naming the columns could be read; {detail}. Fix that line and import the file again (nothing was imported).</source>
        <translation>{file} : aucune ligne nommant les colonnes n'a pu être lue ; {detail}. Corrigez cette ligne et importez le fichier à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="176" />
        <source>{file} starts with data ({detail}) instead of column names: add a first row naming the columns (for example Email, Points, Tier) and import it again (nothing was imported).</source>
        <translation>{file} commence par des données ({detail}) au lieu de noms de colonnes : ajoutez une première ligne qui nomme les colonnes (par exemple Email, Points, Palier) et importez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="180" />
        <source>{file} has no email column (columns found: {columns}). Name the column that holds the email addresses “Email” (or “E-mail”, “Courriel”) and import it again; nothing was imported.</source>
        <translation>{file} n'a pas de colonne e-mail (colonnes trouvées : {columns}). Nommez « Email » (ou « E-mail », « Courriel ») la colonne des adresses e-mail et importez-le à nouveau ; rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="182" />
        <source>none</source>
        <translation type="unfinished">aucun</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="216" />
        <source>{file}: {problems} (nothing was imported).</source>
        <translation>{file} : {problems} (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="221" />
        <source>{file} has column names but no rows: export it again with the data (nothing was imported).</source>
        <translation>{file} a des noms de colonnes mais aucune ligne : exportez-le à nouveau avec les données (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="230" />
        <source>{file} looks like a points history (one row per points movement: date, points, reason), not a members list: give it as the ledger (--ledger) and the members export as --members (nothing was imported).</source>
        <translation>{file} ressemble à un historique de points (une ligne par mouvement de points : date, points, motif), pas à une liste de membres : donnez-le comme historique (--ledger) et l'export des membres avec --members (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="234" />
        <source>{file} looks like a members list (one row per member), not a points history: give it as the members file (--members) (nothing was imported).</source>
        <translation>{file} ressemble à une liste de membres (une ligne par membre), pas à un historique de points : donnez-le comme fichier des membres (--members) (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="247" />
        <source>{file} is a points history without a date column (“Date”) and a points column (“Points”): name those columns and import it again (nothing was imported).</source>
        <translation>{file} est un historique de points sans colonne de date (« Date ») ni colonne de points (« Points ») : nommez ces colonnes et importez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="249" />
        <source>{file} is a points history without a date column (“Date”): name that column and import it again (nothing was imported).</source>
        <translation>{file} est un historique de points sans colonne de date (« Date ») : nommez cette colonne et importez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/sheet.py" line="251" />
        <source>{file} is a points history without a points column (“Points”): name that column and import it again (nothing was imported).</source>
        <translation>{file} est un historique de points sans colonne de points (« Points ») : nommez cette colonne et importez-le à nouveau (rien n'a été importé).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/sources/spreadsheet/source.py" line="228" />
        <source>Some columns can be read more than one way, so nothing was imported:
  {questions}
Answer with these options (or in the wizard's column list); the answer is remembered for files of the same shape.</source>
        <translation>Certaines colonnes se lisent de plusieurs façons, donc rien n'a été importé :
  {questions}
Répondez avec ces options (ou dans la liste des colonnes de l'assistant) ; la réponse est retenue pour les fichiers de même forme.</translation>
    </message>
</context>
<context>
    <name>AlwaysOn</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="142" />
        <source>Automatic sync is now on: every day at {time}. Change it in Settings.</source>
        <translation>La synchronisation automatique est activée : chaque jour à {time}. Modifiable dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="156" />
        <source>Loyalty Desktop: a sync was missed</source>
        <translation>Loyalty Desktop : une synchronisation a été manquée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="157" />
        <source>The sync planned for {when} did not run (the computer was off or asleep). It runs now.</source>
        <translation>La synchronisation prévue le {when} n’a pas eu lieu (ordinateur éteint ou en veille). Elle s’exécute maintenant.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="181" />
        <source>Re-enter the {platform} key</source>
        <translation>Saisir à nouveau la clé {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="182" />
        <source>{platform} refused the saved key. Paste a working API key:</source>
        <translation>{platform} a refusé la clé enregistrée. Collez une clé d’API valide :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="190" />
        <source>Key not saved</source>
        <translation>Clé non enregistrée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="218" />
        <source>Loyalty Desktop keeps running</source>
        <translation>Loyalty Desktop reste actif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="219" />
        <source>Automatic syncs go on from the tray. To stop them, choose Quit in the tray menu.</source>
        <translation>Les synchronisations automatiques continuent depuis la zone de notification. Pour les arrêter, choisissez Quitter dans son menu.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="229" />
        <source>Quit Loyalty Desktop?</source>
        <translation>Quitter Loyalty Desktop ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="230" />
        <source>This desktop has no tray to keep Loyalty Desktop running, so automatic syncs stop when it closes.</source>
        <translation>Ce bureau n’a pas de zone de notification où Loyalty Desktop pourrait rester actif : les synchronisations automatiques s’arrêtent à sa fermeture.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="232" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="235" />
        <source>Let the &amp;computer run them, then quit</source>
        <translation>Confier à l’&amp;ordinateur, puis quitter</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="237" />
        <source>The computer's scheduler can run the same sync without the app.</source>
        <translation>Le planificateur de l’ordinateur peut lancer la même synchronisation sans l’application.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="239" />
        <source>To keep them running, register them with the computer's scheduler: run `{command}` in a terminal.</source>
        <translation>Pour qu’elles continuent, confiez-les au planificateur de l’ordinateur : lancez `{command}` dans un terminal.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/always_on.py" line="249" />
        <source>Not scheduled</source>
        <translation>Non planifié</translation>
    </message>
</context>
<context>
    <name>AlwaysOnBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="48" />
        <source>Keeps itself up to date</source>
        <translation>Se tient à jour tout seul</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="49" />
        <source>Start Loyalty Desktop when I log in (in the tray), so the daily sync never waits for me</source>
        <translation>Lancer Loyalty Desktop à l’ouverture de session (dans la zone de notification), pour que la synchronisation quotidienne ne m’attende jamais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="55" />
        <source>Automatic sync is off in the demo. With your own account it runs every day by itself; you choose when in Settings.</source>
        <translation>La synchronisation automatique est désactivée dans la démo. Avec votre propre compte, elle s’exécute chaque jour toute seule ; vous choisissez l’heure dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="60" />
        <source>Automatic sync is on: every day at {time}, while Loyalty Desktop runs (in its window or the tray). Change it in Settings.</source>
        <translation>La synchronisation automatique est activée : chaque jour à {time}, tant que Loyalty Desktop tourne (fenêtre ou zone de notification). Modifiable dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="63" />
        <source>Automatic sync is on: every {hours} hours. Change it in Settings.</source>
        <translation>La synchronisation automatique est activée : toutes les {hours} heures. Modifiable dans Réglages.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/always_on_box.py" line="66" />
        <source>Automatic sync is off. Turn it on in Settings to sync every day by itself.</source>
        <translation>La synchronisation automatique est désactivée. Activez-la dans Réglages pour synchroniser chaque jour tout seul.</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="26" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="27" />
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="28" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="33" />
        <source>Email</source>
        <translation>E‑mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="33" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="34" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="34" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="35" />
        <source>External ID</source>
        <translation>Identifiant externe</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="35" />
        <source>Points balance</source>
        <translation>Solde de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="36" />
        <source>Points earned (lifetime)</source>
        <translation>Points gagnés (total)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="37" />
        <source>Missions completed</source>
        <translation>Missions accomplies</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="38" />
        <source>Rewards claimed</source>
        <translation>Récompenses obtenues</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="39" />
        <source>Referrals completed</source>
        <translation>Parrainages réussis</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="39" />
        <source>Tier name</source>
        <translation>Palier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="40" />
        <source>Tier ID</source>
        <translation>Identifiant du palier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="40" />
        <source>Referral URL</source>
        <translation>Lien de parrainage</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="41" />
        <source>Membership state</source>
        <translation>Statut de membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="41" />
        <source>Birthday</source>
        <translation>Anniversaire</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="42" />
        <source>Points expiring</source>
        <translation>Points qui expirent</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="43" />
        <source>Points expiry date</source>
        <translation>Date d'expiration des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="43" />
        <source>Member since</source>
        <translation>Membre depuis</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="44" />
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="58" />
        <source>Next tier</source>
        <translation>Palier suivant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="59" />
        <source>Points to the next tier</source>
        <translation>Points avant le palier suivant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="60" />
        <source>Points to the next reward</source>
        <translation>Points avant la prochaine récompense</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="62" />
        <source>Reward ready (1 = can get a reward now)</source>
        <translation>Récompense accessible (1 = peut en obtenir une maintenant)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="63" />
        <source>Unused rewards</source>
        <translation>Récompenses non utilisées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="64" />
        <source>Last reward code</source>
        <translation>Dernier code de récompense</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/fields.py" line="65" />
        <source>Referrals pending</source>
        <translation>Parrainages en cours</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="73" />
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="74" />
        <source>Platform:</source>
        <translation>Plateforme :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="75" />
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="76" />
        <source>API key:</source>
        <translation>Clé API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="77" />
        <source>Health:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="78" />
        <source>&amp;Verify again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="79" />
        <source>Check the key with the platform again</source>
        <translation>Vérifier de nouveau la clé auprès de la plateforme</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="80" />
        <source>&amp;Paste the key…</source>
        <translation>Coller la clé d'A&amp;PI…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="81" />
        <source>Paste the API key (the same one, or another: another account's next sync is a first sync)</source>
        <translation>Coller la clé d'API (la même ou une autre : avec un autre compte, la prochaine synchronisation est une première synchronisation)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="83" />
        <source>C&amp;hange the set-up…</source>
        <translation>Modi&amp;fier la configuration…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="84" />
        <source>Platform, account, loyalty data (a new spreadsheet file), mapping and preset, with the live preview</source>
        <translation>Plateforme, compte, données de fidélité (un nouveau fichier de tableur), correspondance et modèle, avec l'aperçu en direct</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="100" />
        <source>{platform} — offline demo (sandbox on this computer)</source>
        <translation>{platform} — démo hors ligne (bac à sable sur cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="109" />
        <source>Demo key (nothing stored)</source>
        <translation>Clé de démo (rien n'est enregistré)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="122" />
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="124" />
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="128" />
        <source>Connected · verified {when}</source>
        <translation>Connecté · vérifié le {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="130" />
        <source>No key stored for {platform}: click “Paste the key…” to connect again.</source>
        <translation>Aucune clé enregistrée pour {platform} : cliquez sur « Coller la clé d'API… » pour vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/connection_panel.py" line="134" />
        <source>Not connected yet</source>
        <translation>Pas encore connecté</translation>
    </message>
</context>
<context>
    <name>CreateKeyPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="138" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="145" />
        <source>Create an API key in {platform}</source>
        <translation>Créez une clé d'API dans {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="139" />
        <source>Loyalty Desktop writes to {platform} with a key that only you create and can revoke.</source>
        <translation>Loyalty Desktop écrit dans {platform} avec une clé que vous seul créez et pouvez révoquer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="156" />
        <source>In Klaviyo, open &lt;b&gt;Settings → API keys&lt;/b&gt;.</source>
        <translation>Dans Klaviyo, ouvrez &lt;b&gt;Paramètres → Clés d'API&lt;/b&gt; (Settings → API keys si Klaviyo est en anglais).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="157" />
        <source>Click &lt;b&gt;Create private key&lt;/b&gt; and name it “Loyalty Desktop”.</source>
        <translation>Cliquez sur &lt;b&gt;Créer une clé d'API privée&lt;/b&gt; (Create Private API Key) et nommez-la « Loyalty Desktop ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="158" />
        <source>Choose &lt;b&gt;Custom key&lt;/b&gt; and tick exactly these scopes: {scopes}.</source>
        <translation>Choisissez &lt;b&gt;Clé personnalisée&lt;/b&gt; (Custom Key) et cochez exactement ces autorisations : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="160" />
        <source>For the loyalty kit (segments, email templates and draft flows), also tick: {scopes}.</source>
        <translation>Pour le kit fidélité (segments, modèles d'e‑mail et flows en brouillon), cochez aussi : {scopes}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="162" />
        <source>Click &lt;b&gt;Create&lt;/b&gt;, then &lt;b&gt;copy&lt;/b&gt; the key (it starts with pk_).</source>
        <translation>Cliquez sur &lt;b&gt;Créer&lt;/b&gt; (Create), puis &lt;b&gt;copiez&lt;/b&gt; la clé (elle commence par pk_).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="165" />
        <source>In Splio, open &lt;b&gt;Users → API users&lt;/b&gt;.</source>
        <translation>Dans Splio, ouvrez &lt;b&gt;Utilisateurs → Utilisateurs API&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="166" />
        <source>Click &lt;b&gt;New user&lt;/b&gt;.</source>
        <translation>Cliquez sur &lt;b&gt;Nouvel utilisateur&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="167" />
        <source>&lt;b&gt;Rename&lt;/b&gt; it “Loyalty Desktop” so you recognise it later.</source>
        <translation>&lt;b&gt;Renommez-le&lt;/b&gt; « Loyalty Desktop » pour le reconnaître plus tard.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="168" />
        <source>&lt;b&gt;Copy the key&lt;/b&gt; shown for this API user.</source>
        <translation>&lt;b&gt;Copiez la clé&lt;/b&gt; affichée pour cet utilisateur API.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="148" />
        <source>This is the offline demo: a demo key is ready for you on the next page, nothing is sent over the network.</source>
        <translation>Ceci est la démo hors ligne : une clé de démonstration vous attend à la page suivante, rien n'est envoyé sur le réseau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="151" />
        <source>Open the {platform} page</source>
        <translation>Ouvrir la page {platform}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="91" />
        <source>Done: your contacts carry their loyalty data</source>
        <translation>C'est fait : vos contacts portent leurs données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="92" />
        <source>Here is one contact as {platform} now holds it, and the email flows you can build on it.</source>
        <translation>Voici un contact tel que {platform} le contient maintenant, et les scénarios d'e‑mails que vous pouvez construire dessus.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="94" />
        <source>Sample contact in {platform}</source>
        <translation>Exemple de contact dans {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="95" />
        <source>Recommended email flows, with an example in English and French using {platform}'s variables:</source>
        <translation>Scénarios d'e‑mails recommandés, avec un exemple en anglais et en français utilisant les variables de {platform} :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="97" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="98" />
        <source>Set up my Klaviyo loyalty &amp;kit…</source>
        <translation>Installer mon &amp;kit fidélité Klaviyo…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="99" />
        <source>Create these flows as drafts in Klaviyo, with their email templates and the loyalty segments</source>
        <translation>Créer ces flows en brouillon dans Klaviyo, avec leurs modèles d'e‑mail et les segments de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="102" />
        <source>Recommended flows</source>
        <translation>Scénarios recommandés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="106" />
        <source>The sync: {counts}.</source>
        <translation>La synchronisation : {counts}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="182" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="182" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_done.py" line="183" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
</context>
<context>
    <name>HealthStrip</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="118" />
        <source>No successful sync yet</source>
        <translation>Aucune synchronisation réussie pour l’instant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="120" />
        <source>Last successful sync: {when}</source>
        <translation>Dernière synchronisation réussie : {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="122" />
        <source>Automatic sync: off</source>
        <translation>Synchronisation automatique : désactivée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="124" />
        <source>Next sync: waiting for the network</source>
        <translation>Prochaine synchronisation : en attente du réseau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="126" />
        <source>Next sync: being planned</source>
        <translation>Prochaine synchronisation : en cours de planification</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="128" />
        <source>Next sync: now</source>
        <translation>Prochaine synchronisation : maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="130" />
        <source>Next sync: {when}</source>
        <translation>Prochaine synchronisation : {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="133" />
        <source>Not sent yet: {contacts} contacts, {events} events</source>
        <translation>Pas encore envoyés : {contacts} contacts, {events} événements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="135" />
        <source>Nothing waiting to be sent</source>
        <translation>Rien en attente d’envoi</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="141" />
        <source>No successful sync for more than 48 hours: loyalty emails may go out with old points.</source>
        <translation>Aucune synchronisation réussie depuis plus de 48 heures : les e‑mails de fidélité risquent de partir avec d’anciens points.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="147" />
        <source>Re-enter the key…</source>
        <translation>Saisir à nouveau la clé…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="148" />
        <source>Open the run</source>
        <translation>Ouvrir la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/health.py" line="152" />
        <source>Sync health</source>
        <translation>État de la synchronisation</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="96" />
        <source>Enter the {platform} key</source>
        <translation>Saisir la clé {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="98" />
        <source>Paste the {platform} API key. It is checked with {platform}, then kept in your system's keychain — never in a file.</source>
        <translation>Collez la clé d'API {platform}. Elle est vérifiée auprès de {platform}, puis conservée dans le trousseau de votre système — jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="100" />
        <source>It is made in {platform}: {where}.</source>
        <translation>Elle se crée dans {platform} : {where}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="102" />
        <source>API key:</source>
        <translation>Clé d'API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="103" />
        <source>{platform} API key</source>
        <translation>Clé d'API {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="104" />
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="105" />
        <source>Open the {platform} page</source>
        <translation>Ouvrir la page {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="107" />
        <source>Use this key</source>
        <translation>Utiliser cette clé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="108" />
        <source>Keep the key for this session only (you will paste it again next time)</source>
        <translation>Garder la clé pour cette session seulement (vous la collerez à nouveau la prochaine fois)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="139" />
        <source>Paste the key first.</source>
        <translation>Collez d'abord la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="148" />
        <source>Checking the key with {platform}…</source>
        <translation>Vérification de la clé auprès de {platform}…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="177" />
        <source>✓ Connected to {platform} account “{account}”.</source>
        <translation>✓ Connecté au compte {platform} « {account} ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="179" />
        <source>The next sync continues where the last one stopped.</source>
        <translation>La prochaine synchronisation reprend là où la dernière s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="180" />
        <source>This account has not been synced from this computer: the next sync is a first sync (contacts only; no event starts a flow).</source>
        <translation>Ce compte n'a jamais été synchronisé depuis cet ordinateur : la prochaine synchronisation est une première synchronisation (contacts seulement ; aucun événement ne déclenche de flux).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="186" />
        <source>No system keychain is available on this computer, so the key cannot be saved. Keep it for this session only.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur, la clé ne peut donc pas être enregistrée. Gardez-la pour cette session seulement.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="190" />
        <source>The key is saved in {where}.</source>
        <translation>La clé est enregistrée dans {where}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/key_dialog.py" line="201" />
        <source>this session only</source>
        <translation>cette session seulement</translation>
    </message>
</context>
<context>
    <name>Kit</name>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="15" />
        <source>Segments ({count})</source>
        <translation>Segments ({count})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="17" />
        <source>Email templates ({count})</source>
        <translation>Modèles d'e‑mail ({count})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="19" />
        <source>Flows, as drafts ({count})</source>
        <translation>Flows, en brouillon ({count})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="17" />
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="18" />
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="19" />
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="20" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="21" />
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="22" />
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="23" />
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="29" />
        <source>Created in Klaviyo.</source>
        <translation>Créé dans Klaviyo.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="31" />
        <source>Created as a draft: review it in Klaviyo, then turn it on.</source>
        <translation>Créé en brouillon : relisez-le dans Klaviyo, puis activez-le.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="33" />
        <source>Would be created.</source>
        <translation>Serait créé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="35" />
        <source>Already in Klaviyo, as the kit makes it.</source>
        <translation>Déjà dans Klaviyo, tel que le kit le crée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="37" />
        <source>Already in Klaviyo; left as is, since you may have edited it.</source>
        <translation>Déjà dans Klaviyo ; laissé tel quel, car vous l'avez peut-être modifié.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="39" />
        <source>Updated: it differed from the kit's.</source>
        <translation>Mis à jour : il différait de celui du kit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="41" />
        <source>Would be updated: it differs from the kit's.</source>
        <translation>Serait mis à jour : il diffère de celui du kit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="43" />
        <source>Klaviyo allows {limit} new ones per day and today's are used up: run the kit again tomorrow to finish.</source>
        <translation>Klaviyo en autorise {limit} nouveaux par jour et ceux d'aujourd'hui sont épuisés : relancez le kit demain pour terminer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="46" />
        <source>Klaviyo asked to slow down for longer than the kit waits: run it again in a few minutes.</source>
        <translation>Klaviyo a demandé de ralentir plus longtemps que le kit n'attend : relancez-le dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="48" />
        <source>No “{metric}” event has been sent to Klaviyo yet: run a sync that sends events, then run the kit again.</source>
        <translation>Aucun événement « {metric} » n'a encore été envoyé à Klaviyo : lancez une synchronisation qui envoie des événements, puis relancez le kit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="51" />
        <source>Waits for its first “{metric}” event; the next sync that sends one creates it.</source>
        <translation>Attend son premier événement « {metric} » ; la prochaine synchronisation qui en envoie un le crée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="53" />
        <source>Its email template “{template}” is not in Klaviyo yet: include the templates and run the kit again.</source>
        <translation>Son modèle d'e‑mail « {template} » n'est pas encore dans Klaviyo : incluez les modèles et relancez le kit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="56" />
        <source>The sync does not send “{field}”: turn it on in the field mapping to make this segment.</source>
        <translation>La synchronisation n'envoie pas « {field} » : activez-le dans l'association des champs pour créer ce segment.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="58" />
        <source>The source ({source}) never sends “{metric}” moments: this flow would never start.</source>
        <translation>La source ({source}) n'envoie jamais de moments « {metric} » : ce flow ne démarrerait jamais.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/core/kit_words.py" line="60" />
        <source>Not attempted: {reason}</source>
        <translation>Non tenté : {reason}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="37" />
        <source>Waiting {seconds} s: Klaviyo allows {limit} new flows a minute.</source>
        <translation>Attente de {seconds} s : Klaviyo autorise {limit} nouveaux flows par minute.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="39" />
        <source>Waiting {seconds} s: Klaviyo allows {limit} new segments a minute.</source>
        <translation>Attente de {seconds} s : Klaviyo autorise {limit} nouveaux segments par minute.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="42" />
        <source>Waiting {seconds} s: Klaviyo allows {limit} new templates a minute.</source>
        <translation>Attente de {seconds} s : Klaviyo autorise {limit} nouveaux modèles par minute.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="51" />
        <source>{count} flow(s) wait for their first event: the next sync that sends it creates them, nothing to do.</source>
        <translation>{count} flow(s) attendent leur premier événement : la prochaine synchronisation qui l'envoie les crée, rien à faire.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_texts.py" line="58" />
        <source>Results of the last run ({when}), kept from one launch to the next.</source>
        <translation>Résultats de la dernière exécution ({when}), conservés d'un lancement à l'autre.</translation>
    </message>
</context>
<context>
    <name>KitCli</name>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="43" />
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="43" />
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="44" />
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="44" />
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="45" />
        <source>deferred</source>
        <translation>reporté</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="45" />
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="46" />
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="48" />
        <source>would create</source>
        <translation>créerait</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="48" />
        <source>would update</source>
        <translation>mettrait à jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="54" />
        <source>{count} created</source>
        <translation>{count} créé(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="54" />
        <source>{count} updated</source>
        <translation>{count} mis à jour</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="55" />
        <source>{count} unchanged</source>
        <translation>{count} inchangé(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="55" />
        <source>{count} failed</source>
        <translation>{count} en échec</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="56" />
        <source>{count} deferred</source>
        <translation>{count} reporté(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="56" />
        <source>{count} skipped</source>
        <translation>{count} ignoré(s)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="57" />
        <source>{count} pending</source>
        <translation>{count} en attente</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="114" />
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="114" />
        <source>template</source>
        <translation>modèle</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/cli/kit.py" line="115" />
        <source>flow</source>
        <translation>flow</translation>
    </message>
</context>
<context>
    <name>KitDialog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_dialog.py" line="32" />
        <source>Set up my Klaviyo loyalty kit</source>
        <translation>Installer mon kit fidélité Klaviyo</translation>
    </message>
</context>
<context>
    <name>KitPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="168" />
        <source>Map the loyalty fields first: the kit builds on the properties the sync sends.</source>
        <translation>Associez d'abord les champs de fidélité : le kit s'appuie sur les propriétés envoyées par la synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="209" />
        <source>{count} members today</source>
        <translation>{count} membres aujourd'hui</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="225" />
        <source>Not connected to Klaviyo: verify the connection, then try again.</source>
        <translation>Pas de connexion à Klaviyo : vérifiez la connexion, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="238" />
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="242" />
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="291" />
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="311" />
        <source>Listing what the kit makes…</source>
        <translation>Liste des éléments du kit…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="314" />
        <source>Creating the kit in Klaviyo. Segments are created one per second at most, as Klaviyo requires.</source>
        <translation>Création du kit dans Klaviyo. Les segments sont créés au plus un par seconde, comme Klaviyo l'exige.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="319" />
        <source>{count} item(s) chosen. Items already in Klaviyo (found by name) are not created twice.</source>
        <translation>{count} élément(s) choisi(s). Les éléments déjà dans Klaviyo (retrouvés par leur nom) ne sont pas créés deux fois.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="333" />
        <source>{status}: {count}</source>
        <translation>{status} : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="335" />
        <source>Nothing was made.</source>
        <translation>Rien n'a été créé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="337" />
        <source>Cancelled: run the kit again to finish; nothing is made twice.</source>
        <translation>Annulé : relancez le kit pour terminer ; rien n'est créé deux fois.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="341" />
        <source>Some items wait for Klaviyo's daily limit: run the kit again tomorrow to finish.</source>
        <translation>Certains éléments attendent la limite quotidienne de Klaviyo : relancez le kit demain pour terminer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="344" />
        <source>Flows are drafts: review them in Klaviyo, then turn them on.</source>
        <translation>Les flows sont des brouillons : relisez-les dans Klaviyo, puis activez-les.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="351" />
        <source>The kit creates, in your Klaviyo account, the segments your loyalty data makes possible, an email template for each loyalty moment (French and English), and a flow for each loyalty event, as a draft: nothing is sent until you review it and turn it on.</source>
        <translation>Le kit crée dans votre compte Klaviyo les segments que permettent vos données de fidélité, un modèle d'e‑mail pour chaque moment de fidélité (en français et en anglais) et un flow pour chaque événement de fidélité, en brouillon : rien n'est envoyé tant que vous ne l'avez pas relu et activé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="354" />
        <source>Email lang&amp;uage:</source>
        <translation>Langue des e‑&amp;mails :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="360" />
        <source>Cr&amp;eate in Klaviyo</source>
        <translation>Cré&amp;er dans Klaviyo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="362" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="355" />
        <source>French and English</source>
        <translation>Français et anglais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="355" />
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="355" />
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="357" />
        <source>Language of the email templates</source>
        <translation>Langue des modèles d'e‑mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="358" />
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="358" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="358" />
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="359" />
        <source>Kit items</source>
        <translation>Éléments du kit</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/kit_panel.py" line="361" />
        <source>Create the chosen items in Klaviyo</source>
        <translation>Créer les éléments choisis dans Klaviyo</translation>
    </message>
</context>
<context>
    <name>KitTab</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/kit_tab.py" line="58" />
        <source>A sync is running: make the kit once it has finished.</source>
        <translation>Une synchronisation est en cours : créez le kit une fois qu'elle est terminée.</translation>
    </message>
</context>
<context>
    <name>LiveEventsBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="29" />
        <source>Send {count} live events?</source>
        <translation>Envoyer {count} événements en direct ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="30" />
        <source>This sync would send {count} live events to {platform}, more than the {limit} a sync sends without asking. Each live event can start a flow that emails a customer. Nothing has been sent yet.</source>
        <translation>Cette synchronisation enverrait {count} événements en direct à {platform}, plus que les {limit} qu'une synchronisation envoie sans demander. Chaque événement en direct peut déclencher un flow qui envoie un e‑mail à un client. Rien n'a encore été envoyé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="35" />
        <source>{metric}: {count}</source>
        <translation>{metric} : {count}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="38" />
        <source>Send them if these figures match what happened in your loyalty program since the last sync.</source>
        <translation>Envoyez-les si ces chiffres correspondent à ce qui s'est passé dans votre programme de fidélité depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="41" />
        <source>&amp;Send them</source>
        <translation>&amp;Les envoyer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/confirm_live.py" line="42" />
        <source>&amp;Don't send</source>
        <translation>&amp;Ne pas envoyer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="179" />
        <source>Loyalty Desktop</source>
        <translation>Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="186" />
        <source>&amp;Last runs</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="187" />
        <source>Se&amp;gments</source>
        <translation>Se&amp;gments</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="190" />
        <source>Klaviyo k&amp;it</source>
        <translation>K&amp;it Klaviyo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="190" />
        <source>Splio k&amp;it</source>
        <translation>K&amp;it Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="191" />
        <source>Se&amp;ttings</source>
        <translation>Paramè&amp;tres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="199" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="283" />
        <source>Could not read the sync history: {error}</source>
        <translation>Impossible de lire l'historique des synchronisations : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="359" />
        <source>Stop the sync?</source>
        <translation>Arrêter la synchronisation ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/window.py" line="360" />
        <source>A sync is running. Stop it and close? The next sync resumes where it stopped.</source>
        <translation>Une synchronisation est en cours. L'arrêter et fermer ? La suivante reprendra là où elle s'est arrêtée.</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="75" />
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="75" />
        <source>Loyalty field</source>
        <translation>Champ de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="75" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/mapping_model.py" line="76" />
        <source>{platform} field</source>
        <translation>Champ {platform}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="92" />
        <source>Choose what each {platform} contact gets</source>
        <translation>Choisissez ce que reçoit chaque contact {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="93" />
        <source>Tick the fields to send and rename them if you like. The preview shows five real members as {platform} will hold them.</source>
        <translation>Cochez les champs à envoyer et renommez-les si vous le souhaitez. L'aperçu montre cinq vrais membres tels que {platform} les recevra.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="95" />
        <source>Preset:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="96" />
        <source>Mapping preset</source>
        <translation>Modèle de correspondance</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="97" />
        <source>Field mapping</source>
        <translation>Correspondance des champs</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="98" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="99" />
        <source>Preview of five members</source>
        <translation>Aperçu de cinq membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="154" />
        <source>The email must be sent: it is how contacts are matched.</source>
        <translation>L'e‑mail doit être envoyé : c'est lui qui identifie les contacts.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="162" />
        <source>Tick the box to let Loyalty Desktop create the missing fields, or create them in Splio (Settings → Fields) and click “Check again”.</source>
        <translation>Cochez la case pour autoriser Loyalty Desktop à créer les champs manquants, ou créez-les dans Splio (Paramètres → Champs) puis cliquez sur « Vérifier de nouveau ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="179" />
        <source>Not provided by this source, so left as they are in {platform} (never sent as 0 or empty): {fields}.</source>
        <translation>Non fournis par cette source, donc laissés tels quels dans {platform} (jamais envoyés à 0 ni vides) : {fields}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_data.py" line="198" />
        <source>(left as is)</source>
        <translation>(inchangé)</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/open_url.py" line="15" />
        <source>Nothing could open it on this computer. Open it yourself: {where}</source>
        <translation>Rien n'a pu l'ouvrir sur cet ordinateur. Ouvrez-le vous-même : {where}</translation>
    </message>
</context>
<context>
    <name>OptionsBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="110" />
        <source>Sync options</source>
        <translation>Options de synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="111" />
        <source>Create missing contacts</source>
        <translation>Créer les contacts manquants</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="113" />
        <source>Members who are not contacts in Splio yet are created; otherwise they are skipped and listed with the rejected rows.</source>
        <translation>Les membres qui ne sont pas encore des contacts Splio sont créés ; sinon ils sont ignorés et listés avec les lignes rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="115" />
        <source>Read current values first</source>
        <translation>Lire d'abord les valeurs actuelles</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="117" />
        <source>Every sync first reads each contact's current values in Splio and writes only those that differ (slower to start, fewer writes); the first sync always does.</source>
        <translation>Chaque synchronisation lit d'abord les valeurs actuelles de chaque contact dans Splio et n'écrit que celles qui diffèrent (démarrage plus lent, moins d'écritures) ; la première synchronisation le fait toujours.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="119" />
        <source>Replay history (won't trigger flows)</source>
        <translation>Rejouer l'historique (ne déclenche aucun flux)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="121" />
        <source>On a first sync, past points, rewards and referrals are sent as events marked as history: they fill each contact's timeline and never start an email flow.</source>
        <translation>Lors d'une première synchronisation, les points, récompenses et parrainages passés sont envoyés comme événements marqués historiques : ils remplissent l'historique de chaque contact et ne déclenchent jamais de flux d'e‑mails.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="123" />
        <source>Advance time by</source>
        <translation>Avancer le temps de</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="124" />
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="125" />
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="126" />
        <source>Days to advance the demo program</source>
        <translation>Jours dont avancer le programme de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="127" />
        <source>Advance</source>
        <translation>Avancer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="129" />
        <source>Demo only: the demo program lives that many days (orders, rewards, tiers, referrals); the next sync sends what changed.</source>
        <translation>Démonstration seulement : le programme de démonstration vit ce nombre de jours (commandes, récompenses, niveaux, parrainages) ; la prochaine synchronisation envoie ce qui a changé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/options_box.py" line="150" />
        <source>The demo program moved {days} days forward, to {date}: {changed} members changed. The next sync sends these changes.</source>
        <translation>Le programme de démonstration a avancé de {days} jours, au {date} : {changed} membres ont changé. La prochaine synchronisation envoie ces changements.</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="16" />
        <source>Confirming earlier jobs</source>
        <translation>Confirmation des envois précédents</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="17" />
        <source>Reading the loyalty data</source>
        <translation>Lecture des données de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="18" />
        <source>Planning what changed</source>
        <translation>Calcul des changements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="19" />
        <source>Sending contacts</source>
        <translation>Envoi des contacts</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="20" />
        <source>Sending events</source>
        <translation>Envoi des événements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/phases.py" line="21" />
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="64" />
        <source>Working out what will be sent… (nothing is sent yet)</source>
        <translation>Calcul de ce qui sera envoyé… (rien n'est encore envoyé)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="96" />
        <source>&lt;b&gt;{profiles}&lt;/b&gt; contacts will be written in {platform} ({unchanged} already up to date, out of {members} members).</source>
        <translation>&lt;b&gt;{profiles}&lt;/b&gt; contacts seront écrits dans {platform} ({unchanged} déjà à jour, sur {members} membres).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="103" />
        <source>The missing custom fields are created when you click Start; at most this many contacts are written.</source>
        <translation>Les champs personnalisés manquants sont créés quand vous cliquez sur Démarrer ; au plus ce nombre de contacts est écrit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="106" />
        <source>{platform} receives no events: contacts only.</source>
        <translation>{platform} ne reçoit pas d'événements : contacts seulement.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="109" />
        <source>Events that can start email flows: {events}.</source>
        <translation>Événements qui peuvent déclencher des flux d'e‑mails : {events}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="113" />
        <source>{count} past events replayed as history (they start no flow).</source>
        <translation>{count} événements passés rejoués comme historique (ils ne déclenchent aucun flux).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="116" />
        <source>{count} rows of the loyalty data cannot be used; they will be listed with the rejected rows.</source>
        <translation>{count} lignes des données de fidélité ne peuvent pas être utilisées ; elles seront listées avec les lignes rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="83" />
        <source>Nothing has been sent yet. Click Start to send.</source>
        <translation>Rien n'a encore été envoyé. Cliquez sur Démarrer pour envoyer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="100" />
        <source>{count} contacts {platform} refused earlier are not sent again until their data changes.</source>
        <translation>{count} contacts refusés auparavant par {platform} ne sont pas renvoyés tant que leurs données ne changent pas.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="123" />
        <source>First sync to this account: contacts only, no event starts a flow. Loyalty moments from now on are sent as events at the next syncs.</source>
        <translation>Première synchronisation vers ce compte : contacts seulement, aucun événement ne déclenche de flux. Les moments de fidélité à partir de maintenant sont envoyés comme événements aux prochaines synchronisations.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="126" />
        <source>The loyalty data comes from another source than at the last sync: this sync updates contacts only, no event starts a flow.</source>
        <translation>Les données de fidélité viennent d'une autre source qu'à la dernière synchronisation : celle-ci met à jour les contacts seulement, aucun événement ne déclenche de flux.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="129" />
        <source>Many members are new since the last sync: this sync updates contacts only, no event starts a flow.</source>
        <translation>Beaucoup de membres sont nouveaux depuis la dernière synchronisation : celle-ci met à jour les contacts seulement, aucun événement ne déclenche de flux.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="131" />
        <source>No new loyalty moments to send as events.</source>
        <translation>Aucun nouveau moment de fidélité à envoyer comme événement.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="134" />
        <source>What this sync will send</source>
        <translation>Ce que cette synchronisation va envoyer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="135" />
        <source>&amp;Start the sync</source>
        <translation>&amp;Démarrer la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="136" />
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="137" />
        <source>Save &amp;without syncing</source>
        <translation>Enregistrer &amp;sans synchroniser</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/preview_panel.py" line="138" />
        <source>Keep these choices and go back to the main window; nothing is sent until the next sync</source>
        <translation>Garder ces choix et revenir à la fenêtre principale ; rien n'est envoyé avant la prochaine synchronisation</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/qt_texts.py" line="11" />
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/qt_texts.py" line="12" />
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QuestionsBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="49" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="52" />
        <source>Answer: {question}</source>
        <translation>Réponse : {question}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="77" />
        <source>“{name}” (column {n})</source>
        <translation>« {name} » (colonne {n})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="77" />
        <source>column {n}</source>
        <translation>colonne {n}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="84" />
        <source>{file}: {columns} could each be the member's email. Which one identifies each member?</source>
        <translation>{file} : {columns} pourraient chacune être l'e‑mail du membre. Laquelle identifie chaque membre ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="86" />
        <source>{file}: {columns} have the same name. Which one holds “{field}”?</source>
        <translation>{file} : {columns} portent le même nom. Laquelle contient « {field} » ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="88" />
        <source>{file}: the dates in {columns} read both as day/month/year and as month/day/year. Which order does this file use?</source>
        <translation>{file} : les dates de {columns} se lisent aussi bien jour/mois/année que mois/jour/année. Quel ordre ce fichier utilise-t-il ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="91" />
        <source>{file}: {columns} writes numbers both as 1,234 and as 1.234,5. Which decimal separator does this file use? (Rows written the other way are rejected.)</source>
        <translation>{file} : {columns} écrit les nombres à la fois comme 1,234 et comme 1.234,5. Quel séparateur décimal ce fichier utilise-t-il ? (Les lignes écrites autrement sont rejetées.)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="94" />
        <source>{file}: {columns} holds text, not numbers or dates, yet its name matched “{field}”. Import it as “{field}” anyway?</source>
        <translation>{file} : {columns} contient du texte, pas des nombres ni des dates, alors que son nom correspond à « {field} ». L'importer quand même comme « {field} » ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="101" />
        <source>Day/month/year (31/12/2026)</source>
        <translation>Jour/mois/année (31/12/2026)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="101" />
        <source>Month/day/year (12/31/2026)</source>
        <translation>Mois/jour/année (12/31/2026)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="102" />
        <source>Decimal comma (1 234,5)</source>
        <translation>Virgule décimale (1 234,5)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="102" />
        <source>Decimal point (1,234.5)</source>
        <translation>Point décimal (1,234.5)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="103" />
        <source>Import it as “{field}”</source>
        <translation>L'importer comme « {field} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="105" />
        <source>Leave it out (not imported)</source>
        <translation>La laisser de côté (non importée)</translation>
    </message>
</context>
<context>
    <name>RejectsView</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="64" />
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="65" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="65" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="65" />
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="65" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="66" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="67" />
        <source>Rejected rows</source>
        <translation>Lignes refusées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="86" />
        <source>The first {shown} of {total} rejected rows; export them all to CSV.</source>
        <translation>Les {shown} premières des {total} lignes refusées ; exportez-les toutes en CSV.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="89" />
        <source>1 rejected row: it is not imported.</source>
        <translation>1 ligne refusée : elle n'est pas importée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="90" />
        <source>{n} rejected rows: they are not imported.</source>
        <translation>{n} lignes refusées : elles ne sont pas importées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="92" />
        <source>No rejected rows.</source>
        <translation>Aucune ligne refusée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="102" />
        <source>Export the rejected rows</source>
        <translation>Exporter les lignes refusées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="103" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="107" />
        <source>1 rejected row exported to {path}.</source>
        <translation>1 ligne refusée exportée dans {path}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/rejects_view.py" line="108" />
        <source>{n} rejected rows exported to {path}.</source>
        <translation>{n} lignes refusées exportées dans {path}.</translation>
    </message>
</context>
<context>
    <name>RunDialog</name>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="85" />
        <source>Sync run of {when}</source>
        <translation>Synchronisation du {when}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="86" />
        <source>Started {when} · {status}</source>
        <translation>Lancée le {when} · {status}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="93" />
        <source>The rows below were refused by {platform} or rejected in the loyalty data, each with the reason; once fixed, the next sync sends them.</source>
        <translation>Les lignes ci-dessous ont été refusées par {platform} ou rejetées dans les données de fidélité, chacune avec sa raison ; une fois corrigées, la prochaine synchronisation les envoie.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="97" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="97" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="97" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="98" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="102" />
        <source>Rejected row</source>
        <translation>Ligne rejetée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="103" />
        <source>Refused event</source>
        <translation>Événement refusé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="103" />
        <source>Refused contact</source>
        <translation>Contact refusé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="110" />
        <source>Refused and rejected rows</source>
        <translation>Lignes refusées et rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="111" />
        <source>Nothing refused or rejected in this run.</source>
        <translation>Rien de refusé ni de rejeté lors de cette synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="113" />
        <source>Export the refused and rejected rows to a CSV file</source>
        <translation>Exporter les lignes refusées et rejetées dans un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="119" />
        <source>Export the refused and rejected rows</source>
        <translation>Exporter les lignes refusées et rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="106" />
        <source>{field} — {file}, line {line}: “{value}”</source>
        <translation>{field} — {file}, ligne {line} : « {value} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="112" />
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/run_dialog.py" line="120" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="95" />
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="96" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="97" />
        <source>Completed, some refused</source>
        <translation>Terminée, avec des refus</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="98" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="99" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="100" />
        <source>Stopped: live events to confirm</source>
        <translation>Arrêtée : événements en direct à confirmer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="101" />
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="125" />
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="125" />
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="154" />
        <source>Double-click or press Enter to see the refused and rejected rows</source>
        <translation>Double-cliquez ou appuyez sur Entrée pour voir les lignes refusées et rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="125" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="127" />
        <source>When the sync started</source>
        <translation>Début de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="127" />
        <source>How long it took</source>
        <translation>Durée de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="128" />
        <source>How the sync ended</source>
        <translation>Issue de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/runs_model.py" line="173" />
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/runs_tab.py" line="67" />
        <source>Sync history</source>
        <translation>Historique des synchronisations</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/runs_tab.py" line="68" />
        <source>One row per sync, newest first. Press Enter to see a run's refused and rejected rows.</source>
        <translation>Une ligne par synchronisation, la plus récente en premier. Appuyez sur Entrée pour voir les lignes refusées et rejetées d'une synchronisation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/runs_tab.py" line="70" />
        <source>Double-click a run, or select it and press Enter, to see its refused and rejected rows.</source>
        <translation>Double-cliquez sur une synchronisation, ou sélectionnez-la et appuyez sur Entrée, pour voir ses lignes refusées et rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/runs_tab.py" line="72" />
        <source>&amp;Refused and rejected rows…</source>
        <translation>Lignes &amp;refusées et rejetées…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/runs_tab.py" line="73" />
        <source>Show the refused and rejected rows of the selected run</source>
        <translation>Afficher les lignes refusées et rejetées de la synchronisation sélectionnée</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="87" />
        <source>&amp;Automatic sync:</source>
        <translation>Synchronisation &amp;automatique :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="88" />
        <source>Automatic sync</source>
        <translation>Synchronisation automatique</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="89" />
        <source>Off</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="90" />
        <source>Every day at</source>
        <translation>Chaque jour à</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="91" />
        <source>Every</source>
        <translation>Toutes les</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="92" />
        <source>Time of the daily sync</source>
        <translation>Heure de la synchronisation quotidienne</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="93" />
        <source> hours</source>
        <translation> heures</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="94" />
        <source>Hours between two syncs</source>
        <translation>Heures entre deux synchronisations</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="99" />
        <source>Runs while Loyalty Desktop is open, in its window or in the tray. A run missed while the computer was off or asleep runs as soon as it is back. If a run fails, a notification says so.</source>
        <translation>S’exécute tant que Loyalty Desktop est ouvert, dans sa fenêtre ou dans la zone de notification. Une synchronisation manquée pendant que l’ordinateur était éteint ou en veille s’exécute dès son retour. En cas d’échec, une notification le signale.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="102" />
        <source>Start Loyalty Desktop when I log in (in the tray)</source>
        <translation>Lancer Loyalty Desktop à l’ouverture de session (dans la zone de notification)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="104" />
        <source>Not available in this version.</source>
        <translation>Non disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="121" />
        <source>Start at login</source>
        <translation>Lancement à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/schedule_box.py" line="122" />
        <source>Could not change the start at login: {error}</source>
        <translation>Impossible de modifier le lancement à l’ouverture de session : {error}</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="41" />
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="41" />
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/widgets/secret_edit.py" line="42" />
        <source>Show or hide the key</source>
        <translation>Afficher ou masquer la clé</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="38" />
        <source>Segments chart</source>
        <translation>Graphique des segments</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="39" />
        <source>No members yet: run a sync to see the segments your loyalty data makes possible.</source>
        <translation>Aucun membre pour l'instant : lancez une synchronisation pour voir les segments que vos données de fidélité permettent.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="51" />
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="56" />
        <source>{members} loyalty members, as of {date} (the loyalty program's date). Candidates and disabled members are not counted.</source>
        <translation>{members} membres du programme de fidélité au {date} (date du programme). Les candidats et les membres désactivés ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="69" />
        <source>{count} (&lt;1%)</source>
        <translation>{count} (&lt;1 %)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="70" />
        <source>{count} ({percent}%)</source>
        <translation>{count} ({percent} %)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="74" />
        <source>{count} of {total} loyalty members</source>
        <translation>{count} membres sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="81" />
        <source>No tier</source>
        <translation>Sans niveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="83" />
        <source>Members per tier</source>
        <translation>Membres par niveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="88" />
        <source>{low}+ points</source>
        <translation>{low} points et plus</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="90" />
        <source>No points</source>
        <translation>Aucun point</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="92" />
        <source>{low}–{high} points</source>
        <translation>{low} à {high} points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="94" />
        <source>Points balance</source>
        <translation>Solde de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="97" />
        <source>Can claim a reward ({points}+ points)</source>
        <translation>Récompense possible ({points} points et +)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="100" />
        <source>Points expiring within {days} days</source>
        <translation>Points qui expirent sous {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="101" />
        <source>{share} · {points} points</source>
        <translation>{share} · {points} points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="104" />
        <source>Inactive for {days} days</source>
        <translation>Inactifs depuis {days} jours</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="105" />
        <source>Worth an email</source>
        <translation>À relancer par e‑mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="107" />
        <source>Referred a friend</source>
        <translation>Ont parrainé un ami</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="107" />
        <source>Never referred anyone</source>
        <translation>N'ont jamais parrainé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/segments_tab.py" line="108" />
        <source>Referrals</source>
        <translation>Parrainage</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="130" />
        <source>La&amp;nguage:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="131" />
        <source>Same as the computer</source>
        <translation>Celle de l'ordinateur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="132" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="134" />
        <source>The local copy of your loyalty data and the sync history. API keys are never stored there.</source>
        <translation>La copie locale de vos données de fidélité et l'historique des synchronisations. Les clés API n'y sont jamais enregistrées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="136" />
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier de données :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="137" />
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="138" />
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="139" />
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier de données</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="140" />
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="141" />
        <source>&amp;Forget key…</source>
        <translation>O&amp;ublier la clé…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="142" />
        <source>Forget the API key</source>
        <translation>Oublier la clé API</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="146" />
        <source>Demo mode: no key is stored.</source>
        <translation>Mode démo : aucune clé n'est enregistrée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="148" />
        <source>{key}, saved in {where}</source>
        <translation>{key}, enregistrée dans {where}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="150" />
        <source>No key stored</source>
        <translation>Aucune clé enregistrée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="155" />
        <source>Forget the {platform} key?</source>
        <translation>Oublier la clé {platform} ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="156" />
        <source>The key will be removed from {where}. Syncing will stop until you enter a key again (Connection → Paste the key…). Your data in {platform} is not touched.</source>
        <translation>La clé sera retirée de {where}. La synchronisation s'arrêtera jusqu'à ce que vous saisissiez à nouveau une clé (Connexion → Coller la clé d'API…). Vos données dans {platform} ne sont pas modifiées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/settings_tab.py" line="158" />
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
</context>
<context>
    <name>SetupAgain</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/setup_again.py" line="35" />
        <source>A sync is running: change the set-up once it has finished.</source>
        <translation>Une synchronisation est en cours : modifiez la configuration quand elle sera terminée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/setup_again.py" line="75" />
        <source>Set-up saved without syncing: nothing was sent.</source>
        <translation>Configuration enregistrée sans synchroniser : rien n'a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/setup_again.py" line="76" />
        <source>Next sync: {what}</source>
        <translation>Prochaine synchronisation : {what}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/setup_again.py" line="78" />
        <source>Set-up changed. The next syncs use the new choices.</source>
        <translation>Configuration modifiée. Les prochaines synchronisations utilisent les nouveaux choix.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="165" />
        <source>Loyalty Desktop — set-up</source>
        <translation>Loyalty Desktop — configuration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="145" />
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="167" />
        <source>Cancel sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="167" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="188" />
        <source>Stop the sync?</source>
        <translation>Arrêter la synchronisation ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/wizard.py" line="189" />
        <source>A sync is running. Stop it now? Nothing is lost: the next sync resumes where it stopped.</source>
        <translation>Une synchronisation est en cours. L'arrêter maintenant ? Rien n'est perdu : la prochaine synchronisation reprendra là où elle s'est arrêtée.</translation>
    </message>
</context>
<context>
    <name>SheetChecker</name>
    <message>
        <location filename="../../loyalty_desktop/ui/sheet_checker.py" line="74" />
        <source>The process checking the spreadsheet stopped unexpectedly (it crashed or was ended by the system). Choose the file again to check it again.</source>
        <translation>Le processus qui vérifiait le tableur s’est arrêté de façon inattendue (il a planté ou le système l’a arrêté). Choisissez de nouveau le fichier pour le vérifier.</translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="131" />
        <source>Members file:</source>
        <translation>Fichier des membres :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="132" />
        <source>Points history (optional):</source>
        <translation>Historique des points (facultatif) :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="133" />
        <source>members.csv or members.xlsx</source>
        <translation>membres.csv ou membres.xlsx</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="134" />
        <source>points-history.csv (for “points earned” emails)</source>
        <translation>historique-points.csv (pour les e‑mails « points gagnés »)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="135" />
        <source>Members file</source>
        <translation>Fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="136" />
        <source>Points history file</source>
        <translation>Fichier de l'historique des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="137" />
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="138" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="139" />
        <source>Choose the members file</source>
        <translation>Choisir le fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="140" />
        <source>Choose the points history file</source>
        <translation>Choisir le fichier de l'historique des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="142" />
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="142" />
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="142" />
        <source>Loyalty field</source>
        <translation>Champ de fidélité</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="143" />
        <source>Columns of the members file</source>
        <translation>Colonnes du fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="144" />
        <source>Columns of the points history</source>
        <translation>Colonnes de l'historique des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="151" />
        <source>Choose the members export</source>
        <translation>Choisissez l'export des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="152" />
        <source>Choose the points history export</source>
        <translation>Choisissez l'export de l'historique des points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="154" />
        <source>Spreadsheets (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Tableurs (*.csv *.txt *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="196" />
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="228" />
        <source>the spreadsheet</source>
        <translation>le tableur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="232" />
        <source>Some columns can be read more than one way: answer the questions below (the answers are remembered for files of the same shape).</source>
        <translation>Certaines colonnes peuvent se lire de plusieurs façons : répondez aux questions ci-dessous (les réponses sont retenues pour les fichiers de même forme).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="236" />
        <source>No row of {file} can be imported: check the column mapping and the rejected rows.</source>
        <translation>Aucune ligne de {file} ne peut être importée : vérifiez la correspondance des colonnes et les lignes refusées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="270" />
        <source>1 member</source>
        <translation>1 membre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="270" />
        <source>{n} members</source>
        <translation>{n} membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="273" />
        <source>1 points movement</source>
        <translation>1 mouvement de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="273" />
        <source>{n} points movements</source>
        <translation>{n} mouvements de points</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="281" />
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="282" />
        <source>Columns: {file}</source>
        <translation>Colonnes : {file}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="285" />
        <source>Rejected rows ({n})</source>
        <translation>Lignes refusées ({n})</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="293" />
        <source>✓ Ready to import 1 member.</source>
        <translation>✓ Prêt à importer 1 membre.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="294" />
        <source>✓ Ready to import {n} members.</source>
        <translation>✓ Prêt à importer {n} membres.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="299" />
        <source>&lt;b&gt;{file}&lt;/b&gt;: {format}, header on line {line} · {rows} rows: {good}, {rejected} rejected</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; : {format}, en-têtes ligne {line} · {rows} lignes : {good}, {rejected} refusées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="305" />
        <source> · 1 email listed twice: the later row is used</source>
        <translation> · 1 e‑mail présent deux fois : la dernière ligne est retenue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="306" />
        <source> · {n} emails listed more than once: the later row is used</source>
        <translation> · {n} e‑mails présents plusieurs fois : la dernière ligne est retenue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="314" />
        <source>(column {n}, no name)</source>
        <translation>(colonne {n}, sans nom)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_panel.py" line="323" />
        <source>Loyalty field for the column {column}</source>
        <translation>Champ de fidélité pour la colonne {column}</translation>
    </message>
</context>
<context>
    <name>SheetTexts</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="20" />
        <source>{file} looks like a points history (one row per points movement), not a members list: choose it as the points history, and the members export as the members file.</source>
        <translation>{file} ressemble à un historique de points (une ligne par mouvement de points), pas à une liste de membres : choisissez-le comme historique des points, et l'export des membres comme fichier des membres.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="23" />
        <source>{file} looks like a members list (one row per member), not a points history: choose it as the members file.</source>
        <translation>{file} ressemble à une liste de membres (une ligne par membre), pas à un historique de points : choisissez-le comme fichier des membres.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="27" />
        <source>{file} cannot be found: choose the file again.</source>
        <translation>{file} est introuvable : choisissez de nouveau le fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="28" />
        <source>{file} is empty: export it again from your loyalty program.</source>
        <translation>{file} est vide : exportez-le de nouveau depuis votre programme de fidélité.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="29" />
        <source>{file} has column names but no rows: export it again with the data.</source>
        <translation>{file} a des noms de colonnes mais aucune ligne : exportez-le de nouveau avec les données.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="31" />
        <source>{file} starts with data instead of column names: add a first row naming the columns (for example Email, Points, Tier) and choose it again.</source>
        <translation>{file} commence par des données au lieu des noms de colonnes : ajoutez une première ligne qui nomme les colonnes (par exemple E‑mail, Points, Palier) et choisissez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="34" />
        <source>{file} has no email column. Name the column that holds the email addresses “Email” (or “E-mail”, “Courriel”) and choose it again.</source>
        <translation>{file} n'a pas de colonne e‑mail. Nommez « E‑mail » (ou « Email », « Courriel ») la colonne des adresses e‑mail et choisissez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="37" />
        <source>{file} is a points history without a date or a points column: name those columns (for example Date, Points) and choose it again.</source>
        <translation>{file} est un historique de points sans colonne de date ou de points : nommez ces colonnes (par exemple Date, Points) et choisissez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="40" />
        <source>{file} is not a spreadsheet: export the loyalty data as CSV or Excel (.xlsx) and choose that file.</source>
        <translation>{file} n'est pas un tableur : exportez les données de fidélité en CSV ou en Excel (.xlsx) et choisissez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="42" />
        <source>{file} is protected by a password: open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear it), save, and choose it again.</source>
        <translation>{file} est protégé par un mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier → Informations → Protéger le classeur → Chiffrer avec mot de passe, puis effacez-le), enregistrez et choisissez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="46" />
        <source>{file} is an old Excel 97–2003 workbook (.xls): open it in Excel, save it as .xlsx or CSV, and choose that file.</source>
        <translation>{file} est un ancien classeur Excel 97–2003 (.xls) : ouvrez-le dans Excel, enregistrez-le en .xlsx ou en CSV et choisissez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="48" />
        <source>{file} is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV, and choose that file.</source>
        <translation>{file} est une feuille de calcul OpenDocument (.ods) : enregistrez-la en .xlsx ou en CSV et choisissez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="50" />
        <source>{file} cannot be read: it may be damaged. Export it again, or save it as CSV.</source>
        <translation>{file} est illisible : il est peut-être endommagé. Exportez-le de nouveau, ou enregistrez-le en CSV.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="59" />
        <source>missing email</source>
        <translation>e‑mail manquant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="60" />
        <source>invalid email</source>
        <translation>e‑mail invalide</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="61" />
        <source>duplicate email</source>
        <translation>e‑mail en double</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="62" />
        <source>not a number</source>
        <translation>pas un nombre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="63" />
        <source>negative number</source>
        <translation>nombre négatif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="64" />
        <source>not a whole number</source>
        <translation>pas un nombre entier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="65" />
        <source>unknown date</source>
        <translation>date non reconnue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="66" />
        <source>unknown membership state</source>
        <translation>statut de membre inconnu</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="67" />
        <source>formula error</source>
        <translation>erreur de formule</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="68" />
        <source>missing value</source>
        <translation>valeur manquante</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="69" />
        <source>email not in the members file</source>
        <translation>e‑mail absent du fichier des membres</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="70" />
        <source>number too large</source>
        <translation>nombre trop grand</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="71" />
        <source>implausible date</source>
        <translation>date invraisemblable</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="72" />
        <source>unbalanced quote</source>
        <translation>guillemet non refermé</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="73" />
        <source>wrong number of cells</source>
        <translation>nombre de cellules incorrect</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="74" />
        <source>control character</source>
        <translation>caractère de contrôle</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="75" />
        <source>not in the file's encoding</source>
        <translation>hors de l'encodage du fichier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="76" />
        <source>cell too long</source>
        <translation>cellule trop longue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="83" />
        <source>Email</source>
        <translation>E‑mail</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="84" />
        <source>Movement ID</source>
        <translation>Identifiant du mouvement</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="85" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="86" />
        <source>Points (+ earned, − spent)</source>
        <translation>Points (+ gagnés, − dépensés)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="87" />
        <source>Points earned</source>
        <translation>Points gagnés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="88" />
        <source>Points spent</source>
        <translation>Points dépensés</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="89" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="90" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="91" />
        <source>Balance after</source>
        <translation>Solde après</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="92" />
        <source>Reward code</source>
        <translation>Code de récompense</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="93" />
        <source>Reward name</source>
        <translation>Nom de la récompense</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="94" />
        <source>Reward expiry date</source>
        <translation>Date d'expiration de la récompense</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="95" />
        <source>Reward used on</source>
        <translation>Récompense utilisée le</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="105" />
        <source>— not imported —</source>
        <translation>— non importée —</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="110" />
        <source>Excel workbook</source>
        <translation>Classeur Excel</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="112" />
        <source>, sheet “{sheet}”</source>
        <translation>, feuille « {sheet} »</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="114" />
        <source>commas</source>
        <translation>des virgules</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="114" />
        <source>semicolons</source>
        <translation>des points-virgules</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="115" />
        <source>tabs</source>
        <translation>des tabulations</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="115" />
        <source>vertical bars</source>
        <translation>des barres verticales</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="117" />
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="119" />
        <source>CSV, {encoding}, separated by {delimiter}</source>
        <translation>CSV, {encoding}, séparé par {delimiter}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="126" />
        <source>Choose the column that holds the email addresses (Email).</source>
        <translation>Choisissez la colonne qui contient les adresses e‑mail (E‑mail).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="128" />
        <source>Choose the column that holds the date of each points movement (Date).</source>
        <translation>Choisissez la colonne qui contient la date de chaque mouvement de points (Date).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_texts.py" line="130" />
        <source>Choose the column that holds the points of each movement.</source>
        <translation>Choisissez la colonne qui contient les points de chaque mouvement.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/sheet_questions.py" line="114" />
        <source>Not in this file (left as they are on the platform, never sent as 0 or empty): {fields}.</source>
        <translation>Absents de ce fichier (laissés tels quels sur la plateforme, jamais envoyés à 0 ni vides) : {fields}.</translation>
    </message>
</context>
<context>
    <name>SmilePanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="106" />
        <source>A Smile.io key is already saved on this computer: Next uses it. Paste another key to replace it.</source>
        <translation>Une clé Smile.io est déjà enregistrée sur cet ordinateur : Suivant l'utilise. Collez une autre clé pour la remplacer.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="118" />
        <source>Offline demo: a Smile.io sandbox with demo members starts on this computer and is read like a real Smile.io account. No key is needed.</source>
        <translation>Démonstration hors ligne : un bac à sable Smile.io avec des membres de démonstration démarre sur cet ordinateur et se lit comme un vrai compte Smile.io. Aucune clé n'est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="120" />
        <source>Demo members:</source>
        <translation>Membres de démonstration :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="121" />
        <source>Number of members in the Smile.io sandbox</source>
        <translation>Nombre de membres dans le bac à sable Smile.io</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="122" />
        <source>Smile.io private key:</source>
        <translation>Clé privée Smile.io :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="123" />
        <source>Smile.io API key</source>
        <translation>Clé d'API Smile.io</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="124" />
        <source>Smile Admin → Settings → Developer tools → private key</source>
        <translation>Smile Admin → Settings → Developer tools → clé privée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="125" />
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="126" />
        <source>Keep the key for this session only (you will paste it again next time)</source>
        <translation>Garder la clé pour cette session seulement (vous la collerez de nouveau la prochaine fois)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="148" />
        <source>Paste the key first.</source>
        <translation>Collez d'abord la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="159" />
        <source>Checking the key with Smile.io…</source>
        <translation>Vérification de la clé auprès de Smile.io…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="178" />
        <source>✓ Smile.io accepted the key: the loyalty program can be read.</source>
        <translation>✓ Smile.io a accepté la clé : le programme de fidélité peut être lu.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="182" />
        <source>No system keychain is available on this computer, so the key cannot be saved. Keep it for this session only, or set up a keychain and verify again.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur : la clé ne peut pas être enregistrée. Gardez-la pour cette session seulement, ou installez un trousseau et vérifiez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/smile_panel.py" line="187" />
        <source>The key is saved in {where}.</source>
        <translation>La clé est enregistrée dans {where}.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="108" />
        <source>Where is your loyalty data?</source>
        <translation>Où sont vos données de fidélité ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="109" />
        <source>Choose the loyalty program to read. Nothing is changed in it.</source>
        <translation>Choisissez le programme de fidélité à lire. Rien n'y est modifié.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="110" />
        <source>Demo loyalty program (realistic members, two years of history)</source>
        <translation>Programme de fidélité de démonstration (membres réalistes, deux ans d'historique)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="111" />
        <source>Members:</source>
        <translation>Membres :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="112" />
        <source>Number of demo members</source>
        <translation>Nombre de membres de démonstration</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="113" />
        <source>French and English members with points, tiers, rewards, referrals and birthdays: a safe way to see what your contacts will get.</source>
        <translation>Des membres français et anglais avec points, paliers, récompenses, parrainages et anniversaires : une façon sans risque de voir ce que recevront vos contacts.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="115" />
        <source>A spreadsheet export (CSV or Excel) from Loyoly, Smile.io or your own</source>
        <translation>Un export tableur (CSV ou Excel) de Loyoly, Smile.io ou le vôtre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="116" />
        <source>Smile.io (API key from Settings → Developer tools)</source>
        <translation>Smile.io (clé d'API dans Settings → Developer tools)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="179" />
        <source>Reading the loyalty program…</source>
        <translation>Lecture du programme de fidélité…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_source.py" line="209" />
        <source>the loyalty program</source>
        <translation>le programme de fidélité</translation>
    </message>
</context>
<context>
    <name>SplioFieldsBox</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="69" />
        <source>Custom fields in Splio</source>
        <translation>Champs personnalisés dans Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="70" />
        <source>Let Loyalty Desktop create the missing custom fields in Splio</source>
        <translation>Autoriser Loyalty Desktop à créer dans Splio les champs personnalisés manquants</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="71" />
        <source>Create the missing Splio custom fields</source>
        <translation>Créer les champs personnalisés Splio manquants</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="72" />
        <source>Check again</source>
        <translation>Vérifier de nouveau</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="73" />
        <source>Read the custom fields from Splio again (after creating some there)</source>
        <translation>Relire les champs personnalisés de Splio (après en avoir créé là-bas)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="108" />
        <source>Reading the custom fields from Splio…</source>
        <translation>Lecture des champs personnalisés de Splio…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="113" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="114" />
        <source>Already in Splio (kept as they are, values updated): {names}</source>
        <translation>Déjà dans Splio (conservés tels quels, valeurs mises à jour) : {names}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/splio_box.py" line="116" />
        <source>Missing in Splio, created before the first sync: {names}</source>
        <translation>Absents de Splio, créés avant la première synchronisation : {names}</translation>
    </message>
</context>
<context>
    <name>SplioKitPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="129" />
        <source>Not connected to Splio: verify the connection, then try again.</source>
        <translation>Pas de connexion à Splio : vérifiez la connexion, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="168" />
        <source>Splio kit</source>
        <translation>Kit Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="170" />
        <source>One click creates, in your Splio universe, the fields each loyalty moment writes (points earned, tier reached, points expiring…) and static groups for the tiers, reward-ready members, points expiring within 30 days and inactive members. Every sync keeps the groups equal to the Segments tab. Then create one trigger campaign per moment, as the guide shows.</source>
        <translation>Un clic crée dans votre univers Splio les champs que chaque moment de fidélité écrit (points gagnés, nouveau statut, points qui expirent…) et des groupes statiques pour les statuts, les membres pouvant obtenir une récompense, les points expirant dans les 30 jours et les membres inactifs. Chaque synchronisation aligne les groupes sur l'onglet Segments. Créez ensuite une campagne trigger par moment, comme l'indique le guide.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="174" />
        <source>Set up my Splio &amp;kit</source>
        <translation>Installer mon &amp;kit Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="175" />
        <source>Guide language:</source>
        <translation>Langue du guide :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="176" />
        <source>Splio group</source>
        <translation>Groupe Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="176" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="176" />
        <source>Segments tab</source>
        <translation>Onglet Segments</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="177" />
        <source>No Splio contact</source>
        <translation>Sans contact Splio</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="186" />
        <source>Setting up the kit in Splio…</source>
        <translation>Installation du kit dans Splio…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="188" />
        <source>Not set up from this computer yet.</source>
        <translation>Pas encore installé depuis cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/splio_kit_panel.py" line="191" />
        <source>Moment fields: {created} created, {existing} already there. Groups: {groups}.</source>
        <translation>Champs des moments : {created} créés, {existing} déjà présents. Groupes : {groups}.</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="137" />
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="138" />
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="166" />
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="172" />
        <source>{rate}/s</source>
        <translation>{rate}/s</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="177" />
        <source>{time} left</source>
        <translation>encore {time}</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <location filename="../../loyalty_desktop/ui/store_problem.py" line="32" />
        <source>The local store cannot be used</source>
        <translation>La base locale est inutilisable</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/store_problem.py" line="34" />
        <source>Keep it aside and start a new store?</source>
        <translation>La mettre de côté et créer une nouvelle base ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/store_problem.py" line="54" />
        <source>The local store can be used again; nothing was moved.</source>
        <translation>La base locale est de nouveau utilisable ; rien n'a été déplacé.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="221" />
        <source>No key stored for {platform}: click “Paste the key…” to connect again.</source>
        <translation>Aucune clé enregistrée pour {platform} : cliquez sur « Coller la clé d'API… » pour vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="232" />
        <source>The {platform} key was forgotten.</source>
        <translation>La clé {platform} a été oubliée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="276" />
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="329" />
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="342" />
        <source>Sync failed: {error}</source>
        <translation>La synchronisation a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="279" />
        <source>Sync started…</source>
        <translation>Synchronisation lancée…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="304" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="319" />
        <source>Sync finished in {time}.</source>
        <translation>Synchronisation terminée en {time}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="321" />
        <source>Open the run to see why rows were refused or rejected.</source>
        <translation>Ouvrez la synchronisation pour voir pourquoi des lignes ont été refusées ou rejetées.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="323" />
        <source>Sync cancelled; the next one resumes where it stopped.</source>
        <translation>Synchronisation annulée ; la suivante reprendra là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="325" />
        <source>Sync stopped before sending anything: {count} live events wait for your confirmation.</source>
        <translation>Synchronisation arrêtée avant tout envoi : {count} événements en direct attendent votre confirmation.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="328" />
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_controller.py" line="339" />
        <source>Nothing sent. The live events will be asked about again at the next sync.</source>
        <translation>Rien n'a été envoyé. Les événements en direct seront de nouveau soumis à votre accord à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="125" />
        <source>First sync</source>
        <translation>Première synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="125" />
        <source>Sync with your changes</source>
        <translation>Synchronisation avec vos changements</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="126" />
        <source>Check what will be sent, then click Start. You can cancel at any time: the next sync resumes where this one stopped.</source>
        <translation>Vérifiez ce qui sera envoyé, puis cliquez sur Démarrer. Vous pouvez annuler à tout moment : la prochaine synchronisation reprendra là où celle-ci s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="128" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="129" />
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="130" />
        <source>Create the missing contacts</source>
        <translation>Créer les contacts manquants</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="131" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="131" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="131" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="132" />
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="133" />
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="231" />
        <source>Sync started: {source} → {platform} ({account}).</source>
        <translation>Synchronisation lancée : {source} → {platform} ({account}).</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="247" />
        <source>demo program ({members} members)</source>
        <translation>programme de démonstration ({members} membres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="249" />
        <source>spreadsheet {file}</source>
        <translation>tableur {file}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="254" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="275" />
        <source>{done} of {total}</source>
        <translation>{done} sur {total}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="277" />
        <source>{rate} per second · {left} left</source>
        <translation>{rate} par seconde · encore {left}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="298" />
        <source>Finished: {counts}.</source>
        <translation>Terminée : {counts}.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="324" />
        <source>Refused by {platform} or rejected in the loyalty data, with the reason:</source>
        <translation>Refusées par {platform} ou rejetées dans les données de fidélité, avec la raison :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="362" />
        <source>Export the refused and rejected rows</source>
        <translation>Exporter les lignes refusées et rejetées</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="368" />
        <source>Refused and rejected rows exported to {path}</source>
        <translation>Lignes refusées et rejetées exportées dans {path}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="291" />
        <source>in {time}</source>
        <translation>en {time}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="295" />
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="302" />
        <source>Waiting for your answer</source>
        <translation>En attente de votre réponse</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="303" />
        <source>Stopped before sending anything: too many live events.</source>
        <translation>Arrêtée avant tout envoi : trop d'événements en direct.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="309" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="310" />
        <source>Cancelled. Click Resume to continue where it stopped.</source>
        <translation>Annulée. Cliquez sur Reprendre pour continuer là où elle s'est arrêtée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="313" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="355" />
        <source>Stopped by an error</source>
        <translation>Arrêtée par une erreur</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="352" />
        <source>Nothing sent. Click Resume to be asked again.</source>
        <translation>Rien n'a été envoyé. Cliquez sur Reprendre pour que la question vous soit reposée.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_run.py" line="363" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="82" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="83" />
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="84" />
        <source>Send what changed in the loyalty program since the last sync</source>
        <translation>Envoyer ce qui a changé dans le programme de fidélité depuis la dernière synchronisation</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="85" />
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="86" />
        <source>Stop the sync; the next one resumes where it stopped</source>
        <translation>Arrêter la synchronisation ; la suivante reprendra là où elle s'est arrêtée</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="91" />
        <source>No sync yet.</source>
        <translation>Aucune synchronisation pour l'instant.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="94" />
        <source>Last sync: {when} · {status}</source>
        <translation>Dernière synchronisation : {when} · {status}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="107" />
        <source>Automatic sync: off (see Settings)</source>
        <translation>Synchronisation automatique : désactivée (voir Paramètres)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/sync_panel.py" line="110" />
        <source>Next automatic sync: {when}</source>
        <translation>Prochaine synchronisation automatique : {when}</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <location filename="../../loyalty_desktop/ui/sync_runner.py" line="83" />
        <source>The sync process stopped unexpectedly (it crashed or was ended by the system). Nothing is lost: the next sync resumes where this one stopped, without sending anything twice.</source>
        <translation>Le processus de synchronisation s’est arrêté de façon inattendue (il a planté ou le système l’a arrêté). Rien n’est perdu : la prochaine synchronisation reprend là où celle-ci s’est arrêtée, sans rien envoyer deux fois.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="113" />
        <source>Loyalty Desktop</source>
        <translation>Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="96" />
        <source>&amp;Open Loyalty Desktop</source>
        <translation>&amp;Ouvrir Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="97" />
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="98" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="136" />
        <source>Loyalty Desktop: sync failed</source>
        <translation>Loyalty Desktop : la synchronisation a échoué</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="140" />
        <source>Loyalty Desktop: sync waiting for you</source>
        <translation>Loyalty Desktop : la synchronisation attend votre réponse</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/main/tray.py" line="141" />
        <source>Open the window and click Sync now.</source>
        <translation>Ouvrez la fenêtre et cliquez sur Synchroniser maintenant.</translation>
    </message>
</context>
<context>
    <name>VerifyKeyPage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="257" />
        <source>Paste and verify your {platform} key</source>
        <translation>Collez et vérifiez votre clé {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="258" />
        <source>The key is checked with {platform}, then kept in your system's keychain — never in a file.</source>
        <translation>La clé est vérifiée auprès de {platform}, puis conservée dans le trousseau de votre système — jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="260" />
        <source>API key:</source>
        <translation>Clé d'API :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="261" />
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="263" />
        <source>{platform} API key</source>
        <translation>Clé d'API {platform}</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="265" />
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="266" />
        <source>Keep the key for this session only (you will paste it again next time)</source>
        <translation>Garder la clé pour cette session seulement (vous la collerez de nouveau la prochaine fois)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="287" />
        <source>Paste the key first.</source>
        <translation>Collez d'abord la clé.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="299" />
        <source>Checking the key with {platform}…</source>
        <translation>Vérification de la clé auprès de {platform}…</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="325" />
        <source>✓ Connected to {platform} account “{account}”.</source>
        <translation>✓ Connecté au compte {platform} « {account} ».</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="328" />
        <source>The loyalty kit would also need these scopes: {scopes}. Keys cannot be changed: create a new key with them to use the kit.</source>
        <translation>Le kit fidélité aurait aussi besoin de ces autorisations : {scopes}. Une clé ne peut pas être modifiée : créez-en une nouvelle avec ces autorisations pour utiliser le kit.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="333" />
        <source>Demo key: nothing is stored.</source>
        <translation>Clé de démonstration : rien n'est enregistré.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="339" />
        <source>No system keychain is available on this computer, so the key cannot be saved. Keep it for this session only, or set up a keychain and verify again.</source>
        <translation>Aucun trousseau système n'est disponible sur cet ordinateur : la clé ne peut pas être enregistrée. Gardez-la pour cette session seulement, ou installez un trousseau et vérifiez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="345" />
        <source>The key is saved in {where}.</source>
        <translation>La clé est enregistrée dans {where}.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="83" />
        <source>Welcome to Loyalty Desktop</source>
        <translation>Bienvenue dans Loyalty Desktop</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="84" />
        <source>Put your loyalty program on every contact of your email platform.</source>
        <translation>Mettez votre programme de fidélité sur chaque contact de votre plateforme d'e-mailing.</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="86" />
        <source>Loyalty Desktop copies each member's points, tier, rewards, referrals and expiring points to the contact in your email platform, and sends loyalty moments as events that can start email flows. Where are your contacts?</source>
        <translation>Loyalty Desktop copie les points, le palier, les récompenses, les parrainages et les points qui expirent de chaque membre sur son contact dans votre plateforme d'e-mailing, et envoie les moments de fidélité comme événements capables de déclencher des scénarios d'e‑mails. Où sont vos contacts ?</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="89" />
        <source>Offline demo (no account, no network)</source>
        <translation>Démo hors ligne (sans compte, sans réseau)</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="90" />
        <source>Demo platform:</source>
        <translation>Plateforme de démo :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="91" />
        <source>Demo platform</source>
        <translation>Plateforme de démo</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="92" />
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../loyalty_desktop/ui/wizard/pages_connect.py" line="93" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
</TS>