import type { OrderState } from "../../machines/vocabulary.ts";
import type { LetterLanguage } from "../document/letter-facts.ts";

/**
 * The words the letters' lists and values are built from, per language (our own wording, not
 * carrier data). The sentences around them live in the templates (templates/letters/<lang>/).
 */

export interface LetterWords {
  /** BCP 47 locale for Intl dates. */
  locale: string;
  state: Record<OrderState, string>;
  /** A checklist step (by its id in app/checklist) told as done, first person, past tense. */
  stepDone: Record<string, string>;
  /** A checklist step's name (by id), for a step recorded as not done. */
  stepTitle: Record<string, string>;
  /** Prefix of a step the buyer recorded as not done, and the word before their reason. */
  notDone: string;
  reason: string;
  reference: string;
  /** Said of an event the carrier gave no time for. */
  noTime: string;
  /** "(… more events in the evidence packet)" */
  earlier: (n: number) => string;
  gap: (days: number, from: string, to: string) => string;
  today: string;
  enclosure: {
    order: (orderNumber: string | null, day: string) => string;
    paymentLine: string;
    tracking: (numbers: string, count: number) => string;
    sellerMessages: (day: string) => string;
    dispute: (reference: string | null, day: string) => string;
    checks: string;
    packet: (day: string) => string;
  };
}

const EN: LetterWords = {
  locale: "en-GB",
  state: {
    awaiting_shipment: "not shipped yet",
    label_created: "label created, not yet handed to the carrier",
    in_transit: "in transit",
    arrived_destination: "arrived in the destination country",
    in_customs: "in customs",
    customs_held: "held by customs",
    with_local_carrier: "with the local carrier",
    out_for_delivery: "out for delivery",
    delivery_failed: "delivery attempt failed",
    available_for_pickup: "waiting for collection",
    delivered: "marked as delivered",
    returned: "being returned to the sender",
    exception: "problem reported by the carrier",
  },
  stepDone: {
    wait_grace: "I waited in case the delivery scan came early",
    check_safe_places: "I checked every safe place at my address",
    ask_household: "I asked my household and neighbours",
    proof_of_delivery: "I looked at the carrier's proof of delivery",
    carrier_complaint: "I contacted the local carrier and filed a complaint",
    do_not_confirm: "I did not confirm receipt on the marketplace",
    open_marketplace_case: "I opened a case with the marketplace",
  },
  stepTitle: {
    wait_grace: "Wait in case the delivery scan came early",
    check_safe_places: "Check every safe place at the address",
    ask_household: "Ask the household and neighbours",
    proof_of_delivery: "Look at the carrier's proof of delivery",
    carrier_complaint: "Contact the local carrier and file a complaint",
    do_not_confirm: "Do not confirm receipt on the marketplace",
    open_marketplace_case: "Open a case with the marketplace",
  },
  notDone: "Not done",
  reason: "reason",
  reference: "reference",
  noTime: "time not given",
  earlier: (n) => `(${n} earlier event${n === 1 ? "" : "s"} in the evidence packet)`,
  gap: (days, from, to) => `no update for ${days} days (${from} to ${to})`,
  today: "today",
  enclosure: {
    order: (n, day) => `Order confirmation${n ? ` for order ${n}` : ""} (placed ${day})`,
    paymentLine: "The statement line showing the charge",
    tracking: (numbers, count) => `Tracking history for ${numbers} (${count} events)`,
    sellerMessages: (day) => `Messages with the seller (from ${day})`,
    dispute: (ref, day) => `The marketplace dispute${ref ? ` ${ref}` : ""} (opened ${day})`,
    checks: "Records of the checks listed above",
    packet: (day) => `The ClaimTrail evidence packet (PDF) of ${day}`,
  },
};

const ES: LetterWords = {
  locale: "es-ES",
  state: {
    awaiting_shipment: "aún no enviado",
    label_created: "etiqueta creada, todavía sin entregar al transportista",
    in_transit: "en tránsito",
    arrived_destination: "llegado al país de destino",
    in_customs: "en aduana",
    customs_held: "retenido en aduana",
    with_local_carrier: "en manos del transportista local",
    out_for_delivery: "en reparto",
    delivery_failed: "intento de entrega fallido",
    available_for_pickup: "pendiente de recogida",
    delivered: "marcado como entregado",
    returned: "en devolución al remitente",
    exception: "incidencia comunicada por el transportista",
  },
  stepDone: {
    wait_grace: "esperé por si el escaneo de entrega se había adelantado",
    check_safe_places: "revisé todos los lugares seguros de mi dirección",
    ask_household: "pregunté a las personas de mi hogar y a mis vecinos",
    proof_of_delivery: "consulté la prueba de entrega del transportista",
    carrier_complaint: "contacté con el transportista local y presenté una reclamación",
    do_not_confirm: "no confirmé la recepción en la plataforma",
    open_marketplace_case: "abrí un caso en la plataforma",
  },
  stepTitle: {
    wait_grace: "Esperar por si el escaneo de entrega se adelantó",
    check_safe_places: "Revisar los lugares seguros de la dirección",
    ask_household: "Preguntar en casa y a los vecinos",
    proof_of_delivery: "Consultar la prueba de entrega del transportista",
    carrier_complaint: "Contactar con el transportista local y reclamar",
    do_not_confirm: "No confirmar la recepción en la plataforma",
    open_marketplace_case: "Abrir un caso en la plataforma",
  },
  notDone: "No realizado",
  reason: "motivo",
  reference: "referencia",
  noTime: "hora no indicada",
  earlier: (n) => `(${n} ${n === 1 ? "evento anterior" : "eventos anteriores"} en el dosier de pruebas)`,
  gap: (days, from, to) => `sin actualización durante ${days} días (del ${from} al ${to})`,
  today: "hoy",
  enclosure: {
    order: (n, day) => `Confirmación del pedido${n ? ` ${n}` : ""} (realizado el ${day})`,
    paymentLine: "El apunte del extracto que muestra el cargo",
    tracking: (numbers, count) => `Historial de seguimiento de ${numbers} (${count} eventos)`,
    sellerMessages: (day) => `Mensajes con el vendedor (desde el ${day})`,
    dispute: (ref, day) => `La disputa en la plataforma${ref ? ` ${ref}` : ""} (abierta el ${day})`,
    checks: "Constancia de las comprobaciones indicadas arriba",
    packet: (day) => `El dosier de pruebas de ClaimTrail (PDF) del ${day}`,
  },
};

const PT: LetterWords = {
  locale: "pt-PT",
  state: {
    awaiting_shipment: "ainda não enviado",
    label_created: "etiqueta criada, ainda não entregue à transportadora",
    in_transit: "em trânsito",
    arrived_destination: "chegou ao país de destino",
    in_customs: "na alfândega",
    customs_held: "retido na alfândega",
    with_local_carrier: "com a transportadora local",
    out_for_delivery: "em distribuição",
    delivery_failed: "tentativa de entrega sem sucesso",
    available_for_pickup: "aguarda levantamento",
    delivered: "indicado como entregue",
    returned: "em devolução ao remetente",
    exception: "problema comunicado pela transportadora",
  },
  stepDone: {
    wait_grace: "esperei, caso o registo de entrega tivesse sido antecipado",
    check_safe_places: "verifiquei todos os locais seguros da minha morada",
    ask_household: "perguntei às pessoas da minha casa e aos vizinhos",
    proof_of_delivery: "consultei a prova de entrega da transportadora",
    carrier_complaint: "contactei a transportadora local e apresentei uma reclamação",
    do_not_confirm: "não confirmei a receção na plataforma",
    open_marketplace_case: "abri um caso na plataforma",
  },
  stepTitle: {
    wait_grace: "Esperar, caso o registo de entrega tenha sido antecipado",
    check_safe_places: "Verificar os locais seguros da morada",
    ask_household: "Perguntar em casa e aos vizinhos",
    proof_of_delivery: "Consultar a prova de entrega da transportadora",
    carrier_complaint: "Contactar a transportadora local e reclamar",
    do_not_confirm: "Não confirmar a receção na plataforma",
    open_marketplace_case: "Abrir um caso na plataforma",
  },
  notDone: "Não feito",
  reason: "motivo",
  reference: "referência",
  noTime: "hora não indicada",
  earlier: (n) => `(${n} ${n === 1 ? "evento anterior" : "eventos anteriores"} no dossiê de provas)`,
  gap: (days, from, to) => `sem atualização durante ${days} dias (de ${from} a ${to})`,
  today: "hoje",
  enclosure: {
    order: (n, day) => `Confirmação da encomenda${n ? ` ${n}` : ""} (feita em ${day})`,
    paymentLine: "A linha do extrato que mostra o débito",
    tracking: (numbers, count) => `Histórico de seguimento de ${numbers} (${count} eventos)`,
    sellerMessages: (day) => `Mensagens com o vendedor (desde ${day})`,
    dispute: (ref, day) => `A disputa na plataforma${ref ? ` ${ref}` : ""} (aberta em ${day})`,
    checks: "Registo das verificações indicadas acima",
    packet: (day) => `O dossiê de provas ClaimTrail (PDF) de ${day}`,
  },
};

const FR: LetterWords = {
  locale: "fr-FR",
  state: {
    awaiting_shipment: "pas encore expédié",
    label_created: "étiquette créée, pas encore remis au transporteur",
    in_transit: "en transit",
    arrived_destination: "arrivé dans le pays de destination",
    in_customs: "en douane",
    customs_held: "retenu en douane",
    with_local_carrier: "pris en charge par le transporteur local",
    out_for_delivery: "en cours de livraison",
    delivery_failed: "tentative de livraison échouée",
    available_for_pickup: "en attente de retrait",
    delivered: "indiqué comme livré",
    returned: "en retour vers l'expéditeur",
    exception: "incident signalé par le transporteur",
  },
  stepDone: {
    wait_grace: "j'ai attendu au cas où le scan de livraison aurait été fait en avance",
    check_safe_places: "j'ai vérifié tous les endroits sûrs à mon adresse",
    ask_household: "j'ai demandé aux personnes de mon foyer et à mes voisins",
    proof_of_delivery: "j'ai consulté la preuve de livraison du transporteur",
    carrier_complaint: "j'ai contacté le transporteur local et déposé une réclamation",
    do_not_confirm: "je n'ai pas confirmé la réception sur la plateforme",
    open_marketplace_case: "j'ai ouvert un litige sur la plateforme",
  },
  stepTitle: {
    wait_grace: "Attendre au cas où le scan de livraison aurait été fait en avance",
    check_safe_places: "Vérifier les endroits sûrs à l'adresse",
    ask_household: "Demander au foyer et aux voisins",
    proof_of_delivery: "Consulter la preuve de livraison du transporteur",
    carrier_complaint: "Contacter le transporteur local et déposer une réclamation",
    do_not_confirm: "Ne pas confirmer la réception sur la plateforme",
    open_marketplace_case: "Ouvrir un litige sur la plateforme",
  },
  notDone: "Non fait",
  reason: "motif",
  reference: "référence",
  noTime: "heure non indiquée",
  earlier: (n) => `(${n} ${n === 1 ? "événement antérieur" : "événements antérieurs"} dans le dossier de preuves)`,
  gap: (days, from, to) => `aucune mise à jour pendant ${days} jours (du ${from} au ${to})`,
  today: "aujourd'hui",
  enclosure: {
    order: (n, day) => `Confirmation de la commande${n ? ` ${n}` : ""} (passée le ${day})`,
    paymentLine: "La ligne du relevé montrant le débit",
    tracking: (numbers, count) => `Historique de suivi de ${numbers} (${count} événements)`,
    sellerMessages: (day) => `Messages échangés avec le vendeur (depuis le ${day})`,
    dispute: (ref, day) => `Le litige sur la plateforme${ref ? ` ${ref}` : ""} (ouvert le ${day})`,
    checks: "Traces des vérifications indiquées ci-dessus",
    packet: (day) => `Le dossier de preuves ClaimTrail (PDF) du ${day}`,
  },
};

const DE: LetterWords = {
  locale: "de-DE",
  state: {
    awaiting_shipment: "noch nicht versandt",
    label_created: "Versandetikett erstellt, noch nicht beim Zusteller",
    in_transit: "unterwegs",
    arrived_destination: "im Zielland angekommen",
    in_customs: "beim Zoll",
    customs_held: "vom Zoll zurückgehalten",
    with_local_carrier: "beim lokalen Zusteller",
    out_for_delivery: "in Zustellung",
    delivery_failed: "Zustellversuch fehlgeschlagen",
    available_for_pickup: "liegt zur Abholung bereit",
    delivered: "als zugestellt gemeldet",
    returned: "wird an den Absender zurückgeschickt",
    exception: "vom Zusteller gemeldetes Problem",
  },
  stepDone: {
    wait_grace: "Ich habe abgewartet, falls der Zustellscan verfrüht war",
    check_safe_places: "Ich habe alle sicheren Ablageorte an meiner Adresse geprüft",
    ask_household: "Ich habe meine Mitbewohner und Nachbarn gefragt",
    proof_of_delivery: "Ich habe den Zustellnachweis des Zustellers angesehen",
    carrier_complaint: "Ich habe den lokalen Zusteller kontaktiert und eine Beschwerde eingereicht",
    do_not_confirm: "Ich habe den Empfang auf dem Marktplatz nicht bestätigt",
    open_marketplace_case: "Ich habe einen Fall beim Marktplatz eröffnet",
  },
  stepTitle: {
    wait_grace: "Abwarten, falls der Zustellscan verfrüht war",
    check_safe_places: "Alle sicheren Ablageorte an der Adresse prüfen",
    ask_household: "Mitbewohner und Nachbarn fragen",
    proof_of_delivery: "Den Zustellnachweis des Zustellers ansehen",
    carrier_complaint: "Den lokalen Zusteller kontaktieren und Beschwerde einreichen",
    do_not_confirm: "Den Empfang auf dem Marktplatz nicht bestätigen",
    open_marketplace_case: "Einen Fall beim Marktplatz eröffnen",
  },
  notDone: "Nicht erledigt",
  reason: "Grund",
  reference: "Referenz",
  noTime: "Uhrzeit nicht angegeben",
  earlier: (n) => `(${n} ${n === 1 ? "früheres Ereignis" : "frühere Ereignisse"} in der Beweismappe)`,
  gap: (days, from, to) => `${days} Tage ohne Aktualisierung (${from} bis ${to})`,
  today: "heute",
  enclosure: {
    order: (n, day) => `Bestellbestätigung${n ? ` zur Bestellung ${n}` : ""} (bestellt am ${day})`,
    paymentLine: "Die Zeile des Kontoauszugs mit der Belastung",
    tracking: (numbers, count) => `Sendungsverlauf für ${numbers} (${count} Ereignisse)`,
    sellerMessages: (day) => `Nachrichten mit dem Verkäufer (ab ${day})`,
    dispute: (ref, day) => `Der Konfliktfall beim Marktplatz${ref ? ` ${ref}` : ""} (eröffnet am ${day})`,
    checks: "Nachweise der oben genannten Prüfungen",
    packet: (day) => `Die ClaimTrail-Beweismappe (PDF) vom ${day}`,
  },
};

const PL: LetterWords = {
  locale: "pl-PL",
  state: {
    awaiting_shipment: "jeszcze nie wysłana",
    label_created: "etykieta utworzona, przesyłka jeszcze nie nadana",
    in_transit: "w drodze",
    arrived_destination: "dotarła do kraju docelowego",
    in_customs: "w odprawie celnej",
    customs_held: "zatrzymana przez urząd celny",
    with_local_carrier: "u lokalnego przewoźnika",
    out_for_delivery: "wydana do doręczenia",
    delivery_failed: "nieudana próba doręczenia",
    available_for_pickup: "czeka na odbiór",
    delivered: "oznaczona jako doręczona",
    returned: "zwracana do nadawcy",
    exception: "problem zgłoszony przez przewoźnika",
  },
  // Impersonal forms: Polish first-person past tense is gendered, and we do not know the buyer's.
  stepDone: {
    wait_grace: "odczekano na wypadek przedwczesnego skanu doręczenia",
    check_safe_places: "sprawdzono wszystkie bezpieczne miejsca pod moim adresem",
    ask_household: "zapytano domowników i sąsiadów",
    proof_of_delivery: "sprawdzono potwierdzenie doręczenia od przewoźnika",
    carrier_complaint: "skontaktowano się z lokalnym przewoźnikiem i złożono reklamację",
    do_not_confirm: "nie potwierdzono odbioru na platformie",
    open_marketplace_case: "otwarto sprawę na platformie",
  },
  stepTitle: {
    wait_grace: "Odczekanie na wypadek przedwczesnego skanu doręczenia",
    check_safe_places: "Sprawdzenie bezpiecznych miejsc pod adresem",
    ask_household: "Zapytanie domowników i sąsiadów",
    proof_of_delivery: "Sprawdzenie potwierdzenia doręczenia od przewoźnika",
    carrier_complaint: "Kontakt z lokalnym przewoźnikiem i reklamacja",
    do_not_confirm: "Niepotwierdzanie odbioru na platformie",
    open_marketplace_case: "Otwarcie sprawy na platformie",
  },
  notDone: "Nie wykonano",
  reason: "powód",
  reference: "numer referencyjny",
  noTime: "godzina nie podana",
  earlier: (n) => `(wcześniejsze zdarzenia: ${n}, w pakiecie dowodów)`,
  gap: (days, from, to) => `brak aktualizacji przez ${days} dni (od ${from} do ${to})`,
  today: "dziś",
  enclosure: {
    order: (n, day) => `Potwierdzenie zamówienia${n ? ` ${n}` : ""} (złożonego ${day})`,
    paymentLine: "Pozycja wyciągu pokazująca obciążenie",
    tracking: (numbers, count) => `Historia śledzenia ${numbers} (zdarzenia: ${count})`,
    sellerMessages: (day) => `Wiadomości ze sprzedawcą (od ${day})`,
    dispute: (ref, day) => `Spór na platformie${ref ? ` ${ref}` : ""} (otwarty ${day})`,
    checks: "Dokumentacja sprawdzeń wymienionych powyżej",
    packet: (day) => `Pakiet dowodów ClaimTrail (PDF) z ${day}`,
  },
};

const IT: LetterWords = {
  locale: "it-IT",
  state: {
    awaiting_shipment: "non ancora spedito",
    label_created: "etichetta creata, non ancora affidato al corriere",
    in_transit: "in transito",
    arrived_destination: "arrivato nel paese di destinazione",
    in_customs: "in dogana",
    customs_held: "trattenuto in dogana",
    with_local_carrier: "presso il corriere locale",
    out_for_delivery: "in consegna",
    delivery_failed: "tentativo di consegna non riuscito",
    available_for_pickup: "in attesa di ritiro",
    delivered: "indicato come consegnato",
    returned: "in restituzione al mittente",
    exception: "problema segnalato dal corriere",
  },
  stepDone: {
    wait_grace: "ho atteso nel caso la scansione di consegna fosse anticipata",
    check_safe_places: "ho controllato tutti i luoghi sicuri al mio indirizzo",
    ask_household: "ho chiesto alle persone di casa e ai vicini",
    proof_of_delivery: "ho consultato la prova di consegna del corriere",
    carrier_complaint: "ho contattato il corriere locale e presentato un reclamo",
    do_not_confirm: "non ho confermato la ricezione sul marketplace",
    open_marketplace_case: "ho aperto una pratica sul marketplace",
  },
  stepTitle: {
    wait_grace: "Attendere nel caso la scansione di consegna fosse anticipata",
    check_safe_places: "Controllare i luoghi sicuri all'indirizzo",
    ask_household: "Chiedere in casa e ai vicini",
    proof_of_delivery: "Consultare la prova di consegna del corriere",
    carrier_complaint: "Contattare il corriere locale e presentare reclamo",
    do_not_confirm: "Non confermare la ricezione sul marketplace",
    open_marketplace_case: "Aprire una pratica sul marketplace",
  },
  notDone: "Non fatto",
  reason: "motivo",
  reference: "riferimento",
  noTime: "ora non indicata",
  earlier: (n) => `(${n} ${n === 1 ? "evento precedente" : "eventi precedenti"} nel fascicolo di prove)`,
  gap: (days, from, to) => `nessun aggiornamento per ${days} giorni (dal ${from} al ${to})`,
  today: "oggi",
  enclosure: {
    order: (n, day) => `Conferma dell'ordine${n ? ` ${n}` : ""} (effettuato il ${day})`,
    paymentLine: "La riga dell'estratto conto con l'addebito",
    tracking: (numbers, count) => `Cronologia di tracciamento di ${numbers} (${count} eventi)`,
    sellerMessages: (day) => `Messaggi con il venditore (dal ${day})`,
    dispute: (ref, day) => `La contestazione sul marketplace${ref ? ` ${ref}` : ""} (aperta il ${day})`,
    checks: "Documentazione delle verifiche elencate sopra",
    packet: (day) => `Il fascicolo di prove ClaimTrail (PDF) del ${day}`,
  },
};

export const LETTER_WORDS: Readonly<Record<LetterLanguage, LetterWords>> = { en: EN, es: ES, pt: PT, fr: FR, de: DE, pl: PL, it: IT };
