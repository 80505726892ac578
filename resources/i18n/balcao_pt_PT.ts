<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="106"/>
        <source>Find an appointment</source>
        <translation>Procurar uma marcação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="107"/>
        <source>Reference (AP-…), booking code, NIF or name</source>
        <translation>Referência (AP-…), código da marcação, NIF ou nome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="111"/>
        <source>&amp;Find:</source>
        <translation>&amp;Procurar:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="123"/>
        <source>Today&apos;s appointments</source>
        <translation>Marcações de hoje</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="126"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="127"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="128"/>
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="129"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="130"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="131"/>
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="132"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="153"/>
        <source>Ticket of the check-in</source>
        <translation>Senha da chegada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="157"/>
        <source>Check in ({keys})</source>
        <translation>Registar chegada ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="161"/>
        <source>The citizen has arrived: issue the ticket of the appointment</source>
        <translation>O cidadão chegou: emitir a senha da marcação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="167"/>
        <source>New appointment ({keys})</source>
        <translation>Nova marcação ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="173"/>
        <source>Reload ({keys})</source>
        <translation>Recarregar ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="254"/>
        <source>Offline: agenda of {time}</source>
        <translation>Sem ligação: agenda das {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="259"/>
        <source>Appointments today: {count} (updated at {time})</source>
        <translation>Marcações de hoje: {count} (atualizado às {time})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="269"/>
        <source>Offline: no copy of today&apos;s agenda on this PC.</source>
        <translation>Sem ligação: este computador não tem cópia da agenda de hoje.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="366"/>
        <source>No appointment found.</source>
        <translation>Nenhuma marcação encontrada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="370"/>
        <source>Appointments found: {count}. Enter opens one; {keys} checks it in.</source>
        <translation>Marcações encontradas: {count}. Enter abre uma; {keys} regista a chegada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="389"/>
        <source>Offline: only references can be searched in the saved agenda ({count}).</source>
        <translation>Sem ligação: na agenda guardada só se pesquisam referências ({count}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="415"/>
        <source>{reference} · {time} · {service} · {channel} · {status}</source>
        <translation>{reference} · {time} · {service} · {channel} · {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="422"/>
        <source>Booking code: {code}</source>
        <translation>Código da marcação: {code}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="425"/>
        <source>Citizen: {name}</source>
        <translation>Cidadão: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="432"/>
        <source>Meeting link: {url}</source>
        <translation>Ligação da reunião: {url}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="442"/>
        <source>{reference} is {status}: there is nothing to check in.</source>
        <translation>{reference} está {status}: não há chegada a registar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="465"/>
        <source>Checked in {minutes} min late: ticket {ticket} joins the queue as a walk-in.</source>
        <translation>Chegada com {minutes} min de atraso: a senha {ticket} entra na fila como atendimento sem marcação.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="469"/>
        <source>Checked in: ticket {ticket} (a remote appointment: not on the display).</source>
        <translation>Chegada registada: senha {ticket} (atendimento à distância: não aparece no ecrã de chamada).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/agenda_panel.py" line="472"/>
        <source>Checked in: give the citizen ticket {ticket}.</source>
        <translation>Chegada registada: entregue ao cidadão a senha {ticket}.</translation>
    </message>
</context>
<context>
    <name>AppointmentStrip</name>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="41"/>
        <source>Start call ({keys})</source>
        <translation>Iniciar chamada ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="43"/>
        <source>Open the meeting link of this video appointment</source>
        <translation>Abrir a ligação da reunião deste atendimento por vídeo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="62"/>
        <source>Appointment at {time} · {channel} · {reference}</source>
        <translation>Marcação às {time} · {channel} · {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="71"/>
        <source>Call the citizen: {phone}</source>
        <translation>Ligue ao cidadão: {phone}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="73"/>
        <source>Central gave no number to call.</source>
        <translation>Os serviços centrais não indicaram número para ligar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_strip.py" line="76"/>
        <source>Arrived late: queued as a walk-in.</source>
        <translation>Chegou atrasado: na fila como atendimento sem marcação.</translation>
    </message>
</context>
<context>
    <name>AppointmentWords</name>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="51"/>
        <source>Booked</source>
        <translation>Marcada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="52"/>
        <source>Checked in</source>
        <translation>Chegou</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="53"/>
        <source>Being served</source>
        <translation>Em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="54"/>
        <source>Done</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="55"/>
        <source>No-show</source>
        <translation>Faltou</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="56"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="62"/>
        <source>In person</source>
        <translation>Presencial</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="63"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="64"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="70"/>
        <source>Write the citizen&apos;s name.</source>
        <translation>Escreva o nome do cidadão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="71"/>
        <source>A NIF has digits only.</source>
        <translation>O NIF só tem algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="72"/>
        <source>A NIF has nine digits.</source>
        <translation>O NIF tem nove algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="73"/>
        <source>No NIF starts like this.</source>
        <translation>Nenhum NIF começa assim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="74"/>
        <source>The check digit is wrong: check the number.</source>
        <translation>O dígito de controlo está errado: confirme o número.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="75"/>
        <source>Not a phone number (nine digits, or +country).</source>
        <translation>Não é um número de telefone (nove algarismos, ou +indicativo).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="76"/>
        <source>Not an e-mail address.</source>
        <translation>Não é um endereço de e-mail.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="77"/>
        <source>A phone appointment needs a number.</source>
        <translation>Um atendimento por telefone precisa de um número.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="78"/>
        <source>Give a phone number or an e-mail.</source>
        <translation>Indique um telefone ou um e-mail.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="79"/>
        <source>A video appointment needs the link.</source>
        <translation>Um atendimento por vídeo precisa da ligação.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="80"/>
        <source>The link must start with https://.</source>
        <translation>A ligação tem de começar por https://.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="82"/>
        <source>Type a reference, a booking code, a NIF or a name.</source>
        <translation>Escreva uma referência, um código de marcação, um NIF ou um nome.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="84"/>
        <source>Type at least two letters of the name.</source>
        <translation>Escreva pelo menos duas letras do nome.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="86"/>
        <source>This service does not take appointments: choose another.</source>
        <translation>Este serviço não aceita marcações: escolha outro.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="88"/>
        <source>The service is closed that day.</source>
        <translation>O serviço está encerrado nesse dia.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="89"/>
        <source>That time has already begun: choose another.</source>
        <translation>Essa hora já começou: escolha outra.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="96"/>
        <source>Central cannot be reached: try again in a moment.</source>
        <translation>Sem ligação aos serviços centrais: tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="103"/>
        <source>Too early: check-in opens {minutes} min before the appointment, at {opens} (the appointment is at {starts}). Ask the citizen to wait.</source>
        <translation>Demasiado cedo: a chegada regista-se a partir de {minutes} min antes da marcação, às {opens} (a marcação é às {starts}). Peça ao cidadão que aguarde.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="112"/>
        <source>This appointment was on another day: book a new one.</source>
        <translation>Esta marcação era para outro dia: faça uma nova marcação.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="114"/>
        <source>Too late: the appointment was at {starts} and check-in closed at {until} ({minutes} min after). This centre does not check in late arrivals: book again or issue a normal ticket.</source>
        <translation>Demasiado tarde: a marcação era às {starts} e a chegada podia registar-se até às {until} ({minutes} min depois). Este posto não aceita chegadas atrasadas: faça nova marcação ou emita uma senha normal.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="123"/>
        <source>This appointment cannot be checked in: it is already {status}.</source>
        <translation>Não é possível registar a chegada desta marcação: o estado já é «{status}».</translation>
    </message>
    <message>
        <location filename="../../desktop/views/appointment_words.py" line="128"/>
        <source>Somebody else has just taken that time. Choose one of the next free times.</source>
        <translation>Outra pessoa acabou de ocupar essa hora. Escolha uma das próximas horas livres.</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="101"/>
        <source>Body (Markdown)</source>
        <translation>Corpo (Markdown)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="104"/>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="114"/>
        <source>One document a line</source>
        <translation>Um documento por linha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="118"/>
        <source>Fee</source>
        <translation>Taxa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="118"/>
        <source>Amount (e.g. 12.50)</source>
        <translation>Valor (p. ex. 12.50)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="118"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="127"/>
        <source>Fees</source>
        <translation>Taxas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="128"/>
        <source>Add fee</source>
        <translation>Adicionar taxa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="130"/>
        <source>Remove fee</source>
        <translation>Remover taxa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="141"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="144"/>
        <source>service codes, separated by commas</source>
        <translation>códigos de serviço, separados por vírgulas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="147"/>
        <source>tags, separated by commas</source>
        <translation>etiquetas, separadas por vírgulas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="150"/>
        <source>what changed, for the history (optional)</source>
        <translation>o que mudou, para o histórico (opcional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="154"/>
        <source>&amp;Language:</source>
        <translation>I&amp;dioma:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="155"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="156"/>
        <source>Su&amp;mmary:</source>
        <translation>Resu&amp;mo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="157"/>
        <source>&amp;Body (Markdown), with its preview on the right:</source>
        <translation>C&amp;orpo (Markdown), com a pré-visualização à direita:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="176"/>
        <source>Required &amp;documents:</source>
        <translation>&amp;Documentos necessários:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="177"/>
        <source>F&amp;ees:</source>
        <translation>Ta&amp;xas:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="178"/>
        <source>Dead&amp;line:</source>
        <translation>Pra&amp;zo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="179"/>
        <source>Legal &amp;basis:</source>
        <translation>&amp;Base legal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="180"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsável:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="181"/>
        <source>Re&amp;view by:</source>
        <translation>Re&amp;ver até:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="182"/>
        <source>Service &amp;codes:</source>
        <translation>Códi&amp;gos de serviço:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="183"/>
        <source>Ta&amp;gs:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="187"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="188"/>
        <source>Documents, fees and details</source>
        <translation>Documentos, taxas e detalhes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="190"/>
        <source>Comme&amp;nt:</source>
        <translation>Come&amp;ntário:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="304"/>
        <source>Fee {row}: give a name and an amount in euros such as 12.50.</source>
        <translation>Taxa {row}: indique um nome e um valor em euros, como 12.50.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="338"/>
        <source>No article is open.</source>
        <translation>Nenhum artigo está aberto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="345"/>
        <source>Every article needs its pt-PT title.</source>
        <translation>Todos os artigos precisam do título em pt-PT.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="348"/>
        <source>The {language} text needs a title.</source>
        <translation>O texto em {language} precisa de um título.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="351"/>
        <source>Say which unit owns the article.</source>
        <translation>Indique a unidade responsável pelo artigo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_article_form.py" line="356"/>
        <source>Review by: a date such as 2027-06-30.</source>
        <translation>Rever até: uma data como 2027-06-30.</translation>
    </message>
</context>
<context>
    <name>ArticleSheet</name>
    <message>
        <location filename="../../desktop/views/article_sheet.py" line="152"/>
        <source>Article for the citizen</source>
        <translation>Artigo para o munícipe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_sheet.py" line="153"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_sheet.py" line="156"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_sheet.py" line="158"/>
        <source>The article:</source>
        <translation>O artigo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_sheet.py" line="174"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ArticleViewer</name>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="135"/>
        <source>Article</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="156"/>
        <source>How it works</source>
        <translation>Como funciona</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="160"/>
        <source>Documents to bring</source>
        <translation>Documentos a apresentar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="186"/>
        <source>Fees and deadline</source>
        <translation>Taxas e prazo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="189"/>
        <source>Fees:</source>
        <translation>Taxas:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="190"/>
        <source>Deadline:</source>
        <translation>Prazo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="191"/>
        <source>Legal basis:</source>
        <translation>Base legal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="201"/>
        <source>&amp;Print / save PDF… (Ctrl+P)</source>
        <translation>&amp;Imprimir / guardar PDF… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="204"/>
        <source>&amp;Copy reference</source>
        <translation>&amp;Copiar referência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="206"/>
        <source>Copy the article&apos;s code and title (Ctrl+Shift+C)</source>
        <translation>Copiar o código e o título do artigo (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="208"/>
        <source>Su&amp;ggest a correction…</source>
        <translation>Su&amp;gerir uma correção…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="211"/>
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="248"/>
        <source>This article is no longer in the knowledge base.</source>
        <translation>Este artigo já não está na base de conhecimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="263"/>
        <source>Article: {title}</source>
        <translation>Artigo: {title}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="266"/>
        <source>{code} · version {version}</source>
        <translation>{code} · versão {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="299"/>
        <source>No documents are required.</source>
        <translation>Não são necessários documentos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="302"/>
        <source>&amp;Documents to bring ({ticked} of {total} ticked; Space ticks):</source>
        <translation>&amp;Documentos a apresentar ({ticked} de {total} assinalados; Espaço assinala):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="309"/>
        <source>No fee.</source>
        <translation>Sem taxa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="319"/>
        <source>Example values: check the fee table in force.</source>
        <translation>Valores de exemplo: confirme a tabela de taxas em vigor.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="346"/>
        <source>Saved: {name}</source>
        <translation>Guardado: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="355"/>
        <source>Reference copied.</source>
        <translation>Referência copiada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="365"/>
        <source>Sending the suggestion…</source>
        <translation>A enviar a sugestão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="371"/>
        <source>Suggestion sent to the editors. Thank you.</source>
        <translation>Sugestão enviada aos editores. Obrigado.</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="73"/>
        <source>Attachments (PDF, JPEG, PNG; at most {size} each)</source>
        <translation>Anexos (PDF, JPEG, PNG; no máximo {size} cada um)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="84"/>
        <source>Attachments</source>
        <translation>Anexos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="90"/>
        <source>&amp;Attach file… (Ctrl+Shift+A)</source>
        <translation>&amp;Anexar ficheiro… (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="93"/>
        <source>Attach a scanned document or a photo</source>
        <translation>Anexar um documento digitalizado ou uma fotografia</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="95"/>
        <source>Remove (Del)</source>
        <translation>Remover (Del)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="163"/>
        <source>{name} is already attached.</source>
        <translation>O ficheiro {name} já está anexado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="179"/>
        <source>The files could not be read ({error}).</source>
        <translation>Não foi possível ler os ficheiros ({error}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="196"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="199"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="204"/>
        <source>The file {name} has {size}; the maximum is {limit}.</source>
        <translation>O ficheiro {name} tem {size}; o máximo é {limit}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="211"/>
        <source>The file {name} is not a PDF, JPEG or PNG (checked by its content, not its name).</source>
        <translation>O ficheiro {name} não é um PDF, JPEG ou PNG (verificado pelo conteúdo, não pelo nome).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="214"/>
        <source>The file {name} is empty.</source>
        <translation>O ficheiro {name} está vazio.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="216"/>
        <source>The file {name} cannot be read.</source>
        <translation>Não é possível ler o ficheiro {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="217"/>
        <source>The file {name} cannot be attached.</source>
        <translation>Não é possível anexar o ficheiro {name}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="222"/>
        <source>Attach files</source>
        <translation>Anexar ficheiros</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attachment_list.py" line="224"/>
        <source>Documents and photos (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Documentos e fotografias (*.pdf *.jpg *.jpeg *.png);;Todos os ficheiros (*)</translation>
    </message>
</context>
<context>
    <name>AttendantWindow</name>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="114"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="125"/>
        <source>Press {keys} to call the next citizen.</source>
        <translation>Prima {keys} para chamar o próximo cidadão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="137"/>
        <source>The queue on screen may be out of date and calling is disabled. You can keep serving the citizen and writing notes. Reconnecting automatically…</source>
        <translation>A fila no ecrã pode estar desatualizada e não é possível chamar. Pode continuar a atender o cidadão e a escrever notas. A restabelecer a ligação automaticamente…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="182"/>
        <source>Queue</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="208"/>
        <source>Find a case</source>
        <translation>Procurar registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="217"/>
        <source>Knowledge</source>
        <translation>Conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="240"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="253"/>
        <source>Balcão: counter</source>
        <translation>Balcão: atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="259"/>
        <source>&amp;Counter</source>
        <translation>&amp;Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="268"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="307"/>
        <source>Articles about this service: {count} (press {keys} to read them)</source>
        <translation>Artigos sobre este serviço: {count} (prima {keys} para os ler)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="378"/>
        <source>Opening the counter…</source>
        <translation>A abrir o balcão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="574"/>
        <source>Ticket {number} finished.</source>
        <translation>Atendimento da senha {number} terminado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="593"/>
        <source>Ticket {number} marked as a no-show.</source>
        <translation>Senha {number} marcada como não comparência.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="621"/>
        <source>Ticket {number} transferred.</source>
        <translation>Senha {number} transferida.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="635"/>
        <source>Ticket {number} suspended. Resume it with {keys}.</source>
        <translation>Senha {number} suspensa. Retome-a com {keys}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="654"/>
        <source>There are no suspended tickets.</source>
        <translation>Não há senhas suspensas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="660"/>
        <source>Resume a suspended ticket</source>
        <translation>Retomar uma senha suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="661"/>
        <source>Suspended ticket:</source>
        <translation>Senha suspensa:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="737"/>
        <source>&amp;Waiting for this counter: {count}</source>
        <translation>&amp;Em espera para este balcão: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="749"/>
        <source>Counter: opening…</source>
        <translation>Balcão: a abrir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="752"/>
        <source>{counter}: {state}</source>
        <translation>{counter}: {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="758"/>
        <source>Balcão: {counter} · {user}</source>
        <translation>Balcão: {counter} · {user}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="773"/>
        <source>no connection to the central service.</source>
        <translation>sem ligação ao serviço central.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="774"/>
        <source>the previous action is still running.</source>
        <translation>a ação anterior ainda está em curso.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="775"/>
        <source>the counter is paused.</source>
        <translation>o balcão está em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="776"/>
        <source>finish, transfer or suspend the current ticket first.</source>
        <translation>termine, transfira ou suspenda primeiro a senha atual.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="798"/>
        <source>A citizen is being served</source>
        <translation>Está a atender um cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="800"/>
        <source>Ticket {number} is being served. If you leave now it stays at this counter until you come back. Leave anyway?</source>
        <translation>A senha {number} está em atendimento. Se sair agora, fica neste balcão até voltar. Sair mesmo assim?</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="71"/>
        <source>{free} of {capacity} free</source>
        <translation>{free} de {capacity} livres</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="91"/>
        <source>New appointment</source>
        <translation>Nova marcação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="109"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="115"/>
        <source>Next free times</source>
        <translation>Próximas horas livres</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="118"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="123"/>
        <source>Meeting link</source>
        <translation>Ligação da reunião</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="126"/>
        <source>Citizen&apos;s name</source>
        <translation>Nome do cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="128"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="129"/>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="131"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="133"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="150"/>
        <source>&amp;Service:</source>
        <translation>&amp;Serviço:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="151"/>
        <source>&amp;Times:</source>
        <translation>&amp;Horas:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="152"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="153"/>
        <source>Meeting &amp;link:</source>
        <translation>&amp;Ligação da reunião:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="154"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="155"/>
        <source>NI&amp;F:</source>
        <translation>NI&amp;F:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="156"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="157"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="160"/>
        <source>&amp;Book ({keys})</source>
        <translation>&amp;Marcar ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="189"/>
        <source>&amp;Receipt (PDF)</source>
        <translation>&amp;Recibo (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="193"/>
        <source>Save .&amp;ics</source>
        <translation>Guardar .&amp;ics</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="197"/>
        <source>&amp;Close</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="259"/>
        <source>No free time for this service in the next days.</source>
        <translation>Não há horas livres para este serviço nos próximos dias.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="303"/>
        <source>Choose a time first.</source>
        <translation>Escolha primeiro uma hora.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="312"/>
        <source>Some fields need correcting.</source>
        <translation>Há campos a corrigir.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="358"/>
        <source>Booked: {service}, {time}, {channel}.</source>
        <translation>Marcado: {service}, {time}, {channel}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="367"/>
        <source>Booking code: {code}. Give the citizen the receipt, or read them the reference and the code: they need both to change the appointment.</source>
        <translation>Código da marcação: {code}. Entregue o recibo ao cidadão, ou leia-lhe a referência e o código: precisa de ambos para alterar a marcação.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="400"/>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="402"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="409"/>
        <source>Receipt saved: {path}</source>
        <translation>Recibo guardado: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="426"/>
        <source>Calendar file</source>
        <translation>Ficheiro de calendário</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="428"/>
        <source>Calendar files (*.ics)</source>
        <translation>Ficheiros de calendário (*.ics)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/booking_dialog.py" line="442"/>
        <source>Calendar file saved: {path}</source>
        <translation>Ficheiro de calendário guardado: {path}</translation>
    </message>
</context>
<context>
    <name>CallNumberDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="246"/>
        <source>Call a specific ticket</source>
        <translation>Chamar uma senha específica</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="249"/>
        <source>Ticket number</source>
        <translation>Número da senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="250"/>
        <source>e.g. A012</source>
        <translation>p. ex. A012</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="255"/>
        <source>Ticket &amp;number:</source>
        <translation>&amp;Número da senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="260"/>
        <source>Call</source>
        <translation>Chamar</translation>
    </message>
</context>
<context>
    <name>CaseConflictDialog</name>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="54"/>
        <source>The case changed meanwhile</source>
        <translation>O registo foi alterado entretanto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="57"/>
        <source>Someone saved {reference} while you were editing it (it is now version {version}). The fields marked {mark} differ. Keep your version or take the one on the central service?</source>
        <translation>Alguém guardou {reference} enquanto o editava (está agora na versão {version}). Os campos marcados com {mark} são diferentes. Manter a sua versão ou usar a do serviço central?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="68"/>
        <source>Both versions of the case</source>
        <translation>As duas versões do registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="70"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="70"/>
        <source>Your version</source>
        <translation>A sua versão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="70"/>
        <source>Central&apos;s version now</source>
        <translation>Versão central agora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="98"/>
        <source>{text} (differs)</source>
        <translation>{text} (diferente)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="102"/>
        <source>&amp;Keep mine</source>
        <translation>Manter a &amp;minha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="104"/>
        <source>Save your version over the one now on central</source>
        <translation>Guardar a sua versão por cima da que está agora no serviço central</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="106"/>
        <source>&amp;Take central&apos;s</source>
        <translation>Usar a &amp;central</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_conflict_dialog.py" line="108"/>
        <source>Drop your changes and show the case as it is now</source>
        <translation>Descartar as suas alterações e mostrar o registo como está agora</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="70"/>
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="76"/>
        <source>Case data</source>
        <translation>Dados do registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="82"/>
        <source>Su&amp;bject:</source>
        <translation>Ass&amp;unto:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="83"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="84"/>
        <source>E&amp;mail:</source>
        <translation>E&amp;mail:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="85"/>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefone:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="86"/>
        <source>Postal c&amp;ode:</source>
        <translation>&amp;Código postal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="87"/>
        <source>Postal add&amp;ress:</source>
        <translation>Mo&amp;rada postal:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="108"/>
        <source>Save changes ({keys})</source>
        <translation>Guardar alterações ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="111"/>
        <source>Save the changes to this version of the case ({keys})</source>
        <translation>Guardar as alterações sobre esta versão do registo ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="123"/>
        <location filename="../../desktop/views/case_detail_view.py" line="152"/>
        <source>Attachments</source>
        <translation>Anexos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="124"/>
        <location filename="../../desktop/views/case_detail_view.py" line="154"/>
        <source>Status history</source>
        <translation>Histórico de estados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="125"/>
        <location filename="../../desktop/views/case_detail_view.py" line="156"/>
        <source>Internal notes</source>
        <translation>Notas internas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="128"/>
        <source>New internal note</source>
        <translation>Nova nota interna</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="130"/>
        <source>A note for colleagues (not shown to the citizen)</source>
        <translation>Uma nota para os colegas (não é mostrada ao cidadão)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="134"/>
        <source>New &amp;note:</source>
        <translation>&amp;Nova nota:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="136"/>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Acrescentar nota (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="175"/>
        <source>No case open. Search above, then press Enter on a result.</source>
        <translation>Nenhum registo aberto. Pesquise acima e prima Enter num resultado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="195"/>
        <source>Received: {when}</source>
        <translation>Recebido: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="196"/>
        <source>Last change: {when}</source>
        <translation>Última alteração: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="199"/>
        <source>Closed: {when}</source>
        <translation>Encerrado: {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="202"/>
        <source>Provisional reference: {reference}</source>
        <translation>Referência provisória: {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="212"/>
        <source>{name} ({size} KB), {when}</source>
        <translation>{name} ({size} KB), {when}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="219"/>
        <source>No attachments.</source>
        <translation>Sem anexos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="223"/>
        <source>user {id}</source>
        <translation>utilizador {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="225"/>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="227"/>
        <source>{status}, {when}, by {who}</source>
        <translation>{status}, {when}, por {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="231"/>
        <source>{line}: “{note}”</source>
        <translation>{line}: «{note}»</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="236"/>
        <source>{when}, user {id}: {text}</source>
        <translation>{when}, utilizador {id}: {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="241"/>
        <source>No notes yet.</source>
        <translation>Ainda sem notas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="277"/>
        <source>Version {version}. Closed: reopen it to change it.</source>
        <translation>Versão {version}. Encerrado: reabra-o para o alterar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_detail_view.py" line="282"/>
        <source>Version {version}</source>
        <translation>Versão {version}</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../desktop/views/case_form.py" line="131"/>
        <source>New case</source>
        <translation>Novo registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="179"/>
        <source>File &amp;without the visit link</source>
        <translation>Registar &amp;sem ligação ao atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="198"/>
        <location filename="../../desktop/views/case_form.py" line="373"/>
        <location filename="../../desktop/views/case_form.py" line="377"/>
        <location filename="../../desktop/views/case_form.py" line="449"/>
        <source>(choose)</source>
        <translation>(escolher)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="199"/>
        <source>A service of the municipality</source>
        <translation>Um serviço do município</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="200"/>
        <source>A public policy</source>
        <translation>Uma política pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="207"/>
        <source>optional, e.g. 38.7369</source>
        <translation>opcional, p. ex. 38.7369</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="210"/>
        <source>optional, e.g. -9.1427</source>
        <translation>opcional, p. ex. -9.1427</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="218"/>
        <source>The answer may be made public</source>
        <translation>A resposta pode ser tornada pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="235"/>
        <source>What the citizen came to file</source>
        <translation>O que o cidadão vem registar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="237"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="287"/>
        <source>Submit (Ctrl+Enter)</source>
        <translation>Registar (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="289"/>
        <source>Submit the case (Ctrl+Enter)</source>
        <translation>Registar o pedido (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="295"/>
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="296"/>
        <source>Close: what was typed is kept as a draft</source>
        <translation>Fechar: o que foi escrito fica guardado como rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="325"/>
        <source>Follow-up code (shown only this once):</source>
        <translation>Código de acompanhamento (mostrado só desta vez):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="331"/>
        <source>Give this code to the citizen now and ask them to write it down or keep the receipt: with the reference it is the only way to follow the report, and it cannot be shown again.</source>
        <translation>Dê agora este código ao cidadão e peça-lhe que o anote ou guarde o comprovativo: com a referência, é a única forma de acompanhar a denúncia e não pode voltar a ser mostrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="342"/>
        <source>&amp;Receipt (PDF)…</source>
        <translation>&amp;Recibo (PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="346"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="383"/>
        <source>The types of case were never read from the central service: connect once to file cases.</source>
        <translation>Os tipos de registo nunca foram lidos dos serviços centrais: ligue-se uma vez para poder registar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="425"/>
        <source>Not linked to a visit (no ticket being served).</source>
        <translation>Sem ligação a um atendimento (nenhuma senha em atendimento).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="426"/>
        <source>Linked to the visit being served (ticket {ticket}).</source>
        <translation>Ligado ao atendimento em curso (senha {ticket}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="561"/>
        <source>Correct case {reference}</source>
        <translation>Corrigir o registo {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="564"/>
        <source>The central service did not accept this case: {reason}</source>
        <translation>Os serviços centrais não aceitaram este registo: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="577"/>
        <source>Case draft</source>
        <translation>Rascunho de registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="591"/>
        <source>Files of case {reference}</source>
        <translation>Ficheiros do registo {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="595"/>
        <source>The case is filed. Attach the file again in a form central accepts (PDF, JPEG or PNG) and submit, or submit without files to leave it as it is.</source>
        <translation>O registo já está nos serviços centrais. Anexe de novo o ficheiro num formato que aceitem (PDF, JPEG ou PNG) e carregue em Registar, ou registe sem ficheiros para o deixar como está.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="634"/>
        <source>Still to fill in or correct: {fields}.</source>
        <translation>Falta preencher ou corrigir: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="730"/>
        <source>Case registered. It will be sent to the central service automatically.</source>
        <translation>Registo feito. Será enviado automaticamente para os serviços centrais.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="738"/>
        <source>The reference starting with P- is provisional: the case keeps it until the central service gives the final one, which will show in the list of cases.</source>
        <translation>A referência começada por P- é provisória: o registo fica com ela até os serviços centrais atribuírem a definitiva, que aparece na lista de registos.</translation>
    </message>
</context>
<context>
    <name>CaseHitTableModel</name>
    <message>
        <location filename="../../desktop/views/case_hit_table_model.py" line="75"/>
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_hit_table_model.py" line="76"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_hit_table_model.py" line="77"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_hit_table_model.py" line="78"/>
        <source>Received</source>
        <translation>Recebido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_hit_table_model.py" line="79"/>
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="41"/>
        <source>Cases of this counter</source>
        <translation>Registos deste balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="58"/>
        <source>Open / correct (Enter)</source>
        <translation>Abrir / corrigir (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="63"/>
        <source>Reprint &amp;receipt</source>
        <translation>Reimprimir &amp;recibo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="65"/>
        <source>The receipt of the selected case again</source>
        <translation>O recibo do registo selecionado outra vez</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="68"/>
        <source>Send now</source>
        <translation>Enviar agora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="70"/>
        <source>Try to send the cases waiting to sync now</source>
        <translation>Tentar enviar já os registos a aguardar envio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="136"/>
        <source>{reference} needs attention: {reason} Press Enter to correct it.</source>
        <translation>{reference} requer atenção: {reason} Prima Enter para o corrigir.</translation>
    </message>
</context>
<context>
    <name>CaseLookupPanel</name>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="112"/>
        <source>Search cases</source>
        <translation>Pesquisar registos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="113"/>
        <source>Reference (LX-2026-000123), NIF or name</source>
        <translation>Referência (LX-2026-000123), NIF ou nome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="117"/>
        <source>&amp;Find:</source>
        <translation>&amp;Procurar:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="121"/>
        <source>Purpose of the consultation</source>
        <translation>Finalidade da consulta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="123"/>
        <source>Why you read the citizen&apos;s data: the central service records it</source>
        <translation>Porque consulta os dados do cidadão: o serviço central regista-o</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="127"/>
        <source>P&amp;urpose:</source>
        <translation>&amp;Finalidade:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="129"/>
        <source>&amp;Search</source>
        <translation>Pes&amp;quisar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="142"/>
        <source>Cases found</source>
        <translation>Registos encontrados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="160"/>
        <source>Reprint receipt ({keys})</source>
        <translation>Reimprimir recibo ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="164"/>
        <source>The receipt of this case again, in the citizen&apos;s language ({keys})</source>
        <translation>O recibo deste registo outra vez, na língua do cidadão ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="256"/>
        <source>NIF: {problem}</source>
        <translation>NIF: {problem}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="276"/>
        <source>No case found.</source>
        <translation>Nenhum registo encontrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="284"/>
        <source>Cases found: {count}. Press Enter to open one.</source>
        <translation>Registos encontrados: {count}. Prima Enter para abrir um.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="357"/>
        <source>Saved: {reference} is now at version {version}.</source>
        <translation>Guardado: {reference} está agora na versão {version}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="380"/>
        <source>Central&apos;s version of {reference} is shown; your changes were dropped.</source>
        <translation>É mostrada a versão central de {reference}; as suas alterações foram descartadas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="404"/>
        <source>The note is too long (at most {max} characters).</source>
        <translation>A nota é demasiado longa (no máximo {max} caracteres).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="421"/>
        <source>Note added.</source>
        <translation>Nota acrescentada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_lookup_panel.py" line="436"/>
        <source>Receipt saved: {path}</source>
        <translation>Recibo guardado: {path}</translation>
    </message>
</context>
<context>
    <name>CaseMessages</name>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="15"/>
        <source>draft</source>
        <translation>rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="16"/>
        <source>waiting to sync</source>
        <translation>a aguardar envio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="17"/>
        <source>synced</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="18"/>
        <source>needs attention</source>
        <translation>requer atenção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="25"/>
        <source>received</source>
        <translation>recebido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="26"/>
        <source>in progress</source>
        <translation>em tratamento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="27"/>
        <source>answered</source>
        <translation>respondido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="28"/>
        <source>closed</source>
        <translation>encerrado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="34"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="35"/>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="36"/>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="37"/>
        <source>Service concerned</source>
        <translation>Serviço visado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="38"/>
        <source>Suggestion about</source>
        <translation>A sugestão é sobre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="39"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="40"/>
        <source>Address</source>
        <translation>Morada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="41"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="42"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="43"/>
        <source>Category questions</source>
        <translation>Perguntas da categoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="44"/>
        <source>Addressee</source>
        <translation>Destinatário</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="45"/>
        <source>Answer may be public</source>
        <translation>Resposta pode ser pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="46"/>
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="47"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="48"/>
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="49"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="50"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="51"/>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="52"/>
        <source>Postal address</source>
        <translation>Morada postal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="53"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="54"/>
        <source>Contact by</source>
        <translation>Contactar por</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="60"/>
        <location filename="../../desktop/views/case_messages.py" line="61"/>
        <source>Required.</source>
        <translation>Obrigatório.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="62"/>
        <location filename="../../desktop/views/case_messages.py" line="63"/>
        <source>Too long.</source>
        <translation>Demasiado longo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="64"/>
        <location filename="../../desktop/views/case_messages.py" line="65"/>
        <source>Not used for this type of case.</source>
        <translation>Não se usa neste tipo de registo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="66"/>
        <source>Choose a type of case.</source>
        <translation>Escolha um tipo de registo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="67"/>
        <source>Choose a category from the list.</source>
        <translation>Escolha uma categoria da lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="68"/>
        <source>Choose an addressee from the list.</source>
        <translation>Escolha um destinatário da lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="69"/>
        <source>This question is not asked for the category.</source>
        <translation>Esta pergunta não se aplica à categoria.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="70"/>
        <source>Answer this question of the category.</source>
        <translation>Responda a esta pergunta da categoria.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="71"/>
        <source>Choose one of the answers offered.</source>
        <translation>Escolha uma das respostas propostas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="72"/>
        <source>Give both latitude and longitude, or none.</source>
        <translation>Indique a latitude e a longitude, ou nenhuma.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="73"/>
        <source>Out of range (latitude ±90, longitude ±180).</source>
        <translation>Fora dos limites (latitude ±90, longitude ±180).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="75"/>
        <source>This type of case needs the citizen&apos;s name and a way to send the answer.</source>
        <translation>Este tipo de registo exige o nome do cidadão e uma forma de lhe enviar a resposta.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="78"/>
        <source>Choose how the answer is sent: email, phone or post.</source>
        <translation>Escolha como é enviada a resposta: email, telefone ou correio.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="80"/>
        <source>No personal data in an anonymous report.</source>
        <translation>Uma denúncia anónima não leva dados pessoais.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="81"/>
        <source>Unknown language.</source>
        <translation>Idioma desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="82"/>
        <source>The follow-up code is not valid.</source>
        <translation>O código de acompanhamento não é válido.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="83"/>
        <source>The NIF has digits only.</source>
        <translation>O NIF só tem algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="84"/>
        <source>The NIF has 9 digits.</source>
        <translation>O NIF tem 9 algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="85"/>
        <source>No NIF starts like this.</source>
        <translation>Nenhum NIF começa assim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="86"/>
        <source>Wrong check digit: check the NIF.</source>
        <translation>Dígito de controlo errado: confirme o NIF.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="87"/>
        <source>Not an email address (name@domain.pt).</source>
        <translation>Não é um endereço de email (nome@dominio.pt).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="88"/>
        <source>Digits only (a + in front for abroad).</source>
        <translation>Só algarismos (com + à frente para o estrangeiro).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="89"/>
        <source>A phone number has 9 digits (8 to 15 abroad).</source>
        <translation>Um número de telefone tem 9 algarismos (8 a 15 no estrangeiro).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="90"/>
        <source>No Portuguese phone number starts like this.</source>
        <translation>Nenhum número de telefone português começa assim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="91"/>
        <source>Write the postal code as NNNN-NNN.</source>
        <translation>Escreva o código postal como NNNN-NNN.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="96"/>
        <source>Not accepted (code {code}).</source>
        <translation>Não aceite (código {code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="101"/>
        <source>Cases waiting to sync: {count}</source>
        <translation>Registos a aguardar envio: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="108"/>
        <source>The citizen is here and asks</source>
        <translation>O cidadão está presente e pede</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="109"/>
        <source>Working on the case</source>
        <translation>Tratamento do registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="110"/>
        <source>Preparing the answer</source>
        <translation>Preparação da resposta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="111"/>
        <source>Supervision</source>
        <translation>Supervisão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="112"/>
        <source>Data protection request (GDPR)</source>
        <translation>Pedido de proteção de dados (RGPD)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="113"/>
        <source>Ethics investigation</source>
        <translation>Investigação de ética</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="121"/>
        <source>Type a reference, a NIF or a name to search.</source>
        <translation>Escreva uma referência, um NIF ou um nome para pesquisar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="122"/>
        <source>Type at least two letters of the name.</source>
        <translation>Escreva pelo menos duas letras do nome.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="123"/>
        <source>No such case, or your profile cannot see it.</source>
        <translation>O registo não existe ou o seu perfil não o pode ver.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="125"/>
        <source>Search by one thing: a reference, a NIF or a name.</source>
        <translation>Pesquise por uma só coisa: uma referência, um NIF ou um nome.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="128"/>
        <source>Someone changed the case in the meantime. It was read again.</source>
        <translation>Alguém alterou o registo entretanto. Foi lido de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="131"/>
        <source>The change was sent without the case&apos;s version. Open the case again.</source>
        <translation>A alteração foi enviada sem a versão do registo. Abra o registo de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="133"/>
        <source>The case is closed: it must be reopened to change it.</source>
        <translation>O registo está encerrado: tem de ser reaberto para ser alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="134"/>
        <source>Nothing was changed.</source>
        <translation>Nada foi alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="136"/>
        <source>The receipt of an ethics report cannot be printed again: its follow-up code is not kept.</source>
        <translation>O recibo de uma denúncia não pode ser reimpresso: o código de acompanhamento não é guardado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="139"/>
        <source>Some values are not valid: see the marked fields.</source>
        <translation>Alguns valores não são válidos: veja os campos assinalados.</translation>
    </message>
</context>
<context>
    <name>CaseReceipt</name>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="167"/>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="168"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="170"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="173"/>
        <source>Printing is not available here: save instead</source>
        <translation>Não é possível imprimir aqui: guarde o PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="178"/>
        <source>The receipt:</source>
        <translation>O recibo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="187"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72"/>
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="88"/>
        <source>Refused by the central service ({code}): correct and submit again.</source>
        <translation>Recusado pelos serviços centrais ({code}): corrija e registe de novo.</translation>
    </message>
</context>
<context>
    <name>CitizenBlockEditor</name>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="29"/>
        <source>Anonymous report: no personal data is collected. Do not write the citizen&apos;s name or contacts in the description either.</source>
        <translation>Denúncia anónima: não são recolhidos dados pessoais. Também não escreva o nome nem contactos do cidadão na descrição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="50"/>
        <source>Portuguese</source>
        <translation>Português</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="51"/>
        <source>English</source>
        <translation>Inglês</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="57"/>
        <source>No answer needed</source>
        <translation>Não precisa de resposta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="58"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="59"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="60"/>
        <source>Post</source>
        <translation>Correio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="61"/>
        <source>In person, at the counter</source>
        <translation>Presencialmente, no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="88"/>
        <source>Citizen (required for this type)</source>
        <translation>Cidadão (obrigatório neste tipo)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="90"/>
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="92"/>
        <source>Citizen (optional)</source>
        <translation>Cidadão (opcional)</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="36"/>
        <source>Connection to the central service</source>
        <translation>Ligação ao serviço central</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="59"/>
        <source>● Connected</source>
        <translation>● Ligado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="62"/>
        <source>● Offline: retrying in {seconds} s</source>
        <translation>● Sem ligação: nova tentativa em {seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="66"/>
        <source>● Offline: retrying…</source>
        <translation>● Sem ligação: a tentar de novo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="68"/>
        <source>● Reloading the queue…</source>
        <translation>● A recarregar a fila…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="70"/>
        <source>● Connecting…</source>
        <translation>● A ligar…</translation>
    </message>
</context>
<context>
    <name>CounterActionBar</name>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="147"/>
        <source>Counter actions</source>
        <translation>Ações do balcão</translation>
    </message>
</context>
<context>
    <name>CounterActions</name>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="60"/>
        <source>Call next</source>
        <translation>Chamar seguinte</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="60"/>
        <source>Call the next citizen</source>
        <translation>Chamar o próximo cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="62"/>
        <source>Call by number…</source>
        <translation>Chamar por número…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="62"/>
        <source>Call a specific ticket by number</source>
        <translation>Chamar uma senha específica pelo número</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="64"/>
        <source>Call again</source>
        <translation>Chamar de novo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="64"/>
        <source>Call the same ticket again</source>
        <translation>Voltar a chamar a mesma senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="66"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="66"/>
        <source>The citizen arrived: start serving them</source>
        <translation>O cidadão chegou: iniciar o atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="69"/>
        <source>Finish…</source>
        <translation>Terminar…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="69"/>
        <source>Finish the visit: outcome, services, notes</source>
        <translation>Terminar o atendimento: resultado, serviços, notas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="71"/>
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="71"/>
        <source>The citizen did not come</source>
        <translation>O cidadão não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="73"/>
        <source>Transfer…</source>
        <translation>Transferir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="74"/>
        <source>Send the citizen to another service or counter</source>
        <translation>Encaminhar o cidadão para outro serviço ou balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="78"/>
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="79"/>
        <source>Suspend the visit (e.g. the citizen fetches a document)</source>
        <translation>Suspender o atendimento (p. ex. o cidadão vai buscar um documento)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="83"/>
        <source>Resume suspended…</source>
        <translation>Retomar suspensa…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="84"/>
        <source>Call back a suspended ticket</source>
        <translation>Voltar a chamar uma senha suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="87"/>
        <source>Pause…</source>
        <translation>Pausa…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="87"/>
        <source>Pause the counter, with a reason</source>
        <translation>Pôr o balcão em pausa, indicando o motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="89"/>
        <source>Resume counter</source>
        <translation>Retomar balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="89"/>
        <source>Open the counter again after a pause</source>
        <translation>Reabrir o balcão depois de uma pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="133"/>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="136"/>
        <source>{tip}
Not available now: {reason}</source>
        <translation>{tip}
Indisponível agora: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterCases</name>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="55"/>
        <source>&amp;New case</source>
        <translation>&amp;Novo registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="60"/>
        <source>New case: what the citizen came to file ({keys})</source>
        <translation>Novo registo: o que o cidadão vem registar ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="65"/>
        <source>Cases of this counter</source>
        <translation>Registos deste balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="68"/>
        <source>New case ({keys})</source>
        <translation>Novo registo ({keys})</translation>
    </message>
</context>
<context>
    <name>CounterPickerDialog</name>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="38"/>
        <source>Choose your counter</source>
        <translation>Escolha o seu balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="50"/>
        <source>Which counter is this computer at? The choice is kept on this computer; you can change it later in the settings.</source>
        <translation>Em que balcão está este computador? A escolha fica guardada neste computador; pode alterá-la mais tarde nas definições.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="57"/>
        <source>Counters</source>
        <translation>Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="60"/>
        <source>&amp;Counter:</source>
        <translation>&amp;Balcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="68"/>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="70"/>
        <source>Use this counter</source>
        <translation>Usar este balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="73"/>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="74"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="88"/>
        <source>Loading counters…</source>
        <translation>A carregar os balcões…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="106"/>
        <source>{counter}  ·  services {services}</source>
        <translation>{counter}  ·  serviços {services}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="110"/>
        <source>in use by someone else</source>
        <translation>ocupado por outra pessoa</translation>
    </message>
</context>
<context>
    <name>CounterStatusTableModel</name>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="144"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="145"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="146"/>
        <source>Attendant</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="147"/>
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="148"/>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="162"/>
        <source>Counter {number}</source>
        <translation>Balcão {number}</translation>
    </message>
</context>
<context>
    <name>CurrentTicketPanel</name>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="43"/>
        <source>Citizen at the counter</source>
        <translation>Cidadão no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="74"/>
        <source>Waited:</source>
        <translation>Esperou:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="75"/>
        <source>Called at:</source>
        <translation>Chamada às:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="77"/>
        <source>Why this ticket:</source>
        <translation>Porquê esta senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="91"/>
        <source>&amp;Notes on this visit</source>
        <translation>&amp;Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="94"/>
        <source>Notes on this visit</source>
        <translation>Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="96"/>
        <source>What the citizen asked for and what was done (no sensitive data).</source>
        <translation>O que o cidadão pediu e o que foi feito (sem dados sensíveis).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="201"/>
        <source>Nobody at the counter</source>
        <translation>Ninguém no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="203"/>
        <source>No ticket</source>
        <translation>Sem senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="209"/>
        <source>Ticket {number}</source>
        <translation>Senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="221"/>
        <source>{time} (called {count} times)</source>
        <translation>{time} (chamada {count} vezes)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="230"/>
        <source>Serving for:</source>
        <translation>Em atendimento há:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="230"/>
        <source>Called for:</source>
        <translation>Chamada há:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="238"/>
        <source>Being served</source>
        <translation>Em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="240"/>
        <source>Called: waiting for the citizen to arrive</source>
        <translation>Chamada: à espera que o cidadão chegue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="242"/>
        <source>Suspended</source>
        <translation>Suspensa</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="71"/>
        <source>Finish ticket {number}</source>
        <translation>Terminar a senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="75"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="88"/>
        <source>Services performed</source>
        <translation>Serviços prestados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="98"/>
        <source>&amp;Services performed</source>
        <translation>&amp;Serviços prestados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="102"/>
        <source>Notes on this visit</source>
        <translation>Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="105"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="120"/>
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="149"/>
        <source>Notes are limited to {limit} characters.</source>
        <translation>As notas estão limitadas a {limit} caracteres.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="134"/>
        <source>Inactivity warning</source>
        <translation>Aviso de inatividade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="149"/>
        <source>Balcão locks in {seconds} s because nobody has used it. Move the mouse or press a key to keep working.</source>
        <translation>O Balcão bloqueia dentro de {seconds} s por falta de utilização. Mexa o rato ou prima uma tecla para continuar a trabalhar.</translation>
    </message>
</context>
<context>
    <name>IncidentDuplicates</name>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="56"/>
        <source>Similar open incidents are looked for once the category and the place (coordinates) or a few words of the description are given.</source>
        <translation>As ocorrências semelhantes em aberto são procuradas quando houver categoria e local (coordenadas) ou algumas palavras na descrição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="92"/>
        <source>Looking for similar open incidents…</source>
        <translation>A procurar ocorrências semelhantes em aberto…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="109"/>
        <source>No similar open incident found.</source>
        <translation>Nenhuma ocorrência semelhante em aberto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="113"/>
        <source>Possibly already reported ({count}): tell the citizen the reference.</source>
        <translation>Possivelmente já comunicada ({count}): indique a referência ao cidadão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="125"/>
        <source>{metres} m away</source>
        <translation>a {metres} m</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="127"/>
        <source>similar words</source>
        <translation>palavras semelhantes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="128"/>
        <source>{reference}: {address} ({why}; status: {status})</source>
        <translation>{reference}: {address} ({why}; estado: {status})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="142"/>
        <source>Similar incidents cannot be looked up offline; the case can be filed.</source>
        <translation>Não é possível procurar ocorrências semelhantes sem ligação; o registo pode ser feito.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="145"/>
        <source>Similar incidents could not be looked up.</source>
        <translation>Não foi possível procurar ocorrências semelhantes.</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditorWindow</name>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="104"/>
        <source>Balcão: knowledge base</source>
        <translation>Balcão: base de conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="118"/>
        <source>&amp;Articles</source>
        <translation>&amp;Artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="119"/>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="533"/>
        <source>&amp;Review queue</source>
        <translation>&amp;Fila de revisão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="127"/>
        <source>Signed in as</source>
        <translation>Sessão iniciada como</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="138"/>
        <source>code, title or summary</source>
        <translation>código, título ou resumo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="141"/>
        <source>&amp;Find:</source>
        <translation>&amp;Procurar:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="145"/>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="151"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="146"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="151"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="151"/>
        <source>Suggestions</source>
        <translation>Sugestões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="152"/>
        <source>Articles</source>
        <translation>Artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="180"/>
        <source>Re&amp;load their version</source>
        <translation>Recarregar a versão de&amp;les</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="188"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="192"/>
        <source>Publish (Ctrl+Shift+P)</source>
        <translation>Publicar (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="195"/>
        <source>Ret&amp;ire…</source>
        <translation>Ret&amp;irar…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="230"/>
        <source>Article</source>
        <translation>Artigo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="230"/>
        <source>Suggestion</source>
        <translation>Sugestão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="230"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="230"/>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="231"/>
        <source>Suggestions waiting for review</source>
        <translation>Sugestões a aguardar revisão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="244"/>
        <source>optional for accepting; said to the team</source>
        <translation>opcional ao aceitar; é comunicado à equipa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="245"/>
        <source>Reas&amp;on:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="247"/>
        <source>A&amp;ccept</source>
        <translation>Acei&amp;tar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="250"/>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeitar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="253"/>
        <source>Open the art&amp;icle</source>
        <translation>Abrir o art&amp;igo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="270"/>
        <source>&amp;Knowledge</source>
        <translation>&amp;Conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="271"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="274"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="277"/>
        <source>&amp;Refresh the lists</source>
        <translation>&amp;Atualizar as listas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="280"/>
        <source>&amp;Find an article</source>
        <translation>Pro&amp;curar um artigo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="287"/>
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="288"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="290"/>
        <source>&amp;Lock screen</source>
        <translation>&amp;Bloquear ecrã</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="293"/>
        <source>Log &amp;out</source>
        <translation>Terminar s&amp;essão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="331"/>
        <source>{status}, changes not published</source>
        <translation>{status}, alterações por publicar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="347"/>
        <source>Unsaved changes</source>
        <translation>Alterações por guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="348"/>
        <source>The changes to this article are not saved. Discard them?</source>
        <translation>As alterações a este artigo não estão guardadas. Descartá-las?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="405"/>
        <source>Saved: version {version}.</source>
        <translation>Guardado: versão {version}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="414"/>
        <source>Save the changes first (Ctrl+S), then publish.</source>
        <translation>Guarde primeiro as alterações (Ctrl+S) e depois publique.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="422"/>
        <source>Published: the counters get it at their next sync.</source>
        <translation>Publicado: os balcões recebem-no na próxima sincronização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="433"/>
        <source>Retire the article</source>
        <translation>Retirar o artigo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="434"/>
        <source>Retire “{code}”? The counters remove it at their next sync.</source>
        <translation>Retirar “{code}”? Os balcões removem-no na próxima sincronização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="444"/>
        <source>Retired.</source>
        <translation>Retirado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="476"/>
        <source>Someone else changed this article since you opened it: version {version} is on central now, saved at {time}. Your edits are still here; copy what you need, then reload their version and edit it again.</source>
        <translation>Outra pessoa alterou este artigo desde que o abriu: a versão {version} está agora no serviço central, guardada às {time}. As suas alterações continuam aqui; copie o que precisar e depois recarregue a versão deles e volte a editá-la.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="482"/>
        <source>Someone else changed this article since you opened it. Reload it and edit again.</source>
        <translation>Outra pessoa alterou este artigo desde que o abriu. Recarregue-o e volte a editar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="532"/>
        <source>&amp;Review queue ({count})</source>
        <translation>&amp;Fila de revisão ({count})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="536"/>
        <source>Suggestions from the counters, oldest first: {count}</source>
        <translation>Sugestões dos balcões, as mais antigas primeiro: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="538"/>
        <source>No suggestion waiting for review.</source>
        <translation>Nenhuma sugestão a aguardar revisão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="553"/>
        <source>{kind} on {code} (version {version}): {text}</source>
        <translation>{kind} sobre {code} (versão {version}): {text}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="583"/>
        <source>Suggestion on {code}: {status}.</source>
        <translation>Sugestão sobre {code}: {status}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="617"/>
        <source>Choose an article in the list.</source>
        <translation>Escolha um artigo na lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="621"/>
        <source>{code} · {status} · version {version}</source>
        <translation>{code} · {status} · versão {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="628"/>
        <source>Unsaved changes.</source>
        <translation>Alterações por guardar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="631"/>
        <source>Saved; the counters still have version {version}.</source>
        <translation>Guardado; os balcões ainda têm a versão {version}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_editor_window.py" line="635"/>
        <source>A draft: the counters do not have it yet.</source>
        <translation>Um rascunho: os balcões ainda não o têm.</translation>
    </message>
</context>
<context>
    <name>KnowledgeMessages</name>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="16"/>
        <source>This article no longer exists on central.</source>
        <translation>Este artigo já não existe no serviço central.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="18"/>
        <source>This article is no longer published: the suggestion was not sent.</source>
        <translation>Este artigo já não está publicado: a sugestão não foi enviada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="20"/>
        <source>This version is already published.</source>
        <translation>Esta versão já está publicada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="21"/>
        <source>This article is already retired.</source>
        <translation>Este artigo já está retirado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="22"/>
        <source>Another article already has this code.</source>
        <translation>Já existe outro artigo com este código.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="24"/>
        <source>Another editor has already decided on this suggestion.</source>
        <translation>Outro editor já decidiu sobre esta sugestão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="26"/>
        <source>This suggestion no longer exists.</source>
        <translation>Esta sugestão já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="27"/>
        <source>Every article needs its pt-PT text.</source>
        <translation>Todos os artigos precisam do texto em pt-PT.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="29"/>
        <source>Someone else changed this article since you opened it.</source>
        <translation>Outra pessoa alterou este artigo desde que o abriu.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="38"/>
        <source>draft</source>
        <translation>rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="39"/>
        <source>published</source>
        <translation>publicado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="40"/>
        <source>retired</source>
        <translation>retirado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="45"/>
        <source>correction</source>
        <translation>correção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="45"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="49"/>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="50"/>
        <source>accepted</source>
        <translation>aceite</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_messages.py" line="51"/>
        <source>rejected</source>
        <translation>rejeitada</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="58"/>
        <source>Knowledge</source>
        <translation>Conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="68"/>
        <source>Search procedures: e.g. certidão, licença…</source>
        <translation>Pesquisar procedimentos: p. ex. certidão, licença…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="69"/>
        <source>Search the knowledge base</source>
        <translation>Pesquisar na base de conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="71"/>
        <source>Search the &amp;knowledge base:</source>
        <translation>Pesquisar na base de &amp;conhecimento:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="76"/>
        <source>Knowledge base download</source>
        <translation>Transferência da base de conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="88"/>
        <source>Articles found</source>
        <translation>Artigos encontrados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="102"/>
        <source>Knowledge base status</source>
        <translation>Estado da base de conhecimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="200"/>
        <source>Results for “{query}”</source>
        <translation>Resultados para “{query}”</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="202"/>
        <source>Nothing found. Try fewer words or another word for the procedure.</source>
        <translation>Nada encontrado. Experimente menos palavras ou outra palavra para o procedimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="212"/>
        <source>Articles</source>
        <translation>Artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="213"/>
        <source>Type to search the procedures (accents do not matter).</source>
        <translation>Escreva para pesquisar os procedimentos (os acentos não importam).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="215"/>
        <source>Articles for this service</source>
        <translation>Artigos deste serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="221"/>
        <source>No article is linked to this service yet.</source>
        <translation>Ainda não há artigos associados a este serviço.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="305"/>
        <source>Downloading the knowledge base: {count} articles</source>
        <translation>A transferir a base de conhecimento: {count} artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="315"/>
        <source>Not synced just now: cache of {time} · {count} articles</source>
        <translation>Não sincronizada agora: cópia local das {time} · {count} artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="321"/>
        <source>Offline: cached copy ({count} articles).</source>
        <translation>Sem ligação: cópia local ({count} artigos).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="323"/>
        <source>Offline: the knowledge base has not been downloaded yet; it will be once the central service can be reached.</source>
        <translation>Sem ligação: a base de conhecimento ainda não foi transferida; sê-lo-á quando o serviço central estiver acessível.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="326"/>
        <source>Offline: cache of {time} · {count} articles</source>
        <translation>Sem ligação: cópia local das {time} · {count} artigos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="330"/>
        <source>Downloading the knowledge base…</source>
        <translation>A transferir a base de conhecimento…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="332"/>
        <source>{count} articles in the cache</source>
        <translation>{count} artigos na cópia local</translation>
    </message>
    <message>
        <location filename="../../desktop/views/knowledge_panel.py" line="333"/>
        <source>Cache synced at {time} · {count} articles</source>
        <translation>Cópia local sincronizada às {time} · {count} artigos</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="179"/>
        <location filename="../../desktop/views/idle_lock.py" line="189"/>
        <source>Balcão is locked</source>
        <translation>Balcão bloqueado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="196"/>
        <source>Signed in as {name}</source>
        <translation>Sessão de {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="200"/>
        <location filename="../../desktop/views/idle_lock.py" line="201"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="207"/>
        <location filename="../../desktop/views/idle_lock.py" line="208"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="212"/>
        <location filename="../../desktop/views/idle_lock.py" line="213"/>
        <source>Log out</source>
        <translation>Terminar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="239"/>
        <source>Your session has ended. Enter your password to continue where you left.</source>
        <translation>A sua sessão terminou. Introduza a palavra-passe para continuar onde estava.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="243"/>
        <source>Locked after a period without use. Your work is kept.</source>
        <translation>Bloqueado após um período sem utilização. O seu trabalho foi mantido.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="47"/>
        <source>Balcão: sign in</source>
        <translation>Balcão: iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="48"/>
        <location filename="../../desktop/views/login_dialog.py" line="108"/>
        <location filename="../../desktop/views/login_dialog.py" line="110"/>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="56"/>
        <source>Balcão</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="58"/>
        <source>Citizen-service counter</source>
        <translation>Balcão de atendimento ao cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="62"/>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="65"/>
        <source>Set by your organisation.</source>
        <translation>Definido pela sua organização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="67"/>
        <source>User name</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="70"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="73"/>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Lembrar-me neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="74"/>
        <source>Remember me on this computer</source>
        <translation>Lembrar-me neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="86"/>
        <source>This computer has no secure password store, so you will be asked to sign in each time Balcão starts.</source>
        <translation>Este computador não tem um cofre seguro de palavras-passe; por isso, terá de iniciar sessão sempre que abrir o Balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="93"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="94"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilizador:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="95"/>
        <source>&amp;Password:</source>
        <translation>&amp;Palavra-passe:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="100"/>
        <source>Sign-in error</source>
        <translation>Erro ao iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="115"/>
        <location filename="../../desktop/views/login_dialog.py" line="117"/>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="137"/>
        <source>Resuming your session…</source>
        <translation>A retomar a sua sessão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="158"/>
        <source>Type your user name and password.</source>
        <translation>Escreva o utilizador e a palavra-passe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="172"/>
        <source>Signing in…</source>
        <translation>A iniciar sessão…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/views/message_bar.py" line="21"/>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/message_bar.py" line="28"/>
        <location filename="../../desktop/views/message_bar.py" line="29"/>
        <source>Dismiss message</source>
        <translation>Fechar mensagem</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/views/messages.py" line="28"/>
        <source>Unexpected error ({kind}). Try again; if it keeps happening, tell IT.</source>
        <translation>Erro inesperado ({kind}). Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="35"/>
        <source>The action could not be completed (code {code}). Try again; if it keeps happening, tell IT.</source>
        <translation>Não foi possível concluir a ação (código {code}). Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="42"/>
        <source>Wrong user name or password.</source>
        <translation>Utilizador ou palavra-passe incorretos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="45"/>
        <source>Too many failed attempts for this user. Try again in {minutes} min.</source>
        <translation>Demasiadas tentativas falhadas para este utilizador. Tente de novo daqui a {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="48"/>
        <source>Your session has ended. Enter your password to continue.</source>
        <translation>A sua sessão terminou. Introduza a palavra-passe para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="50"/>
        <source>Your session has expired. Enter your password to continue.</source>
        <translation>A sua sessão expirou. Introduza a palavra-passe para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="52"/>
        <source>Your profile is not allowed to do this.</source>
        <translation>O seu perfil não permite fazer isto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="54"/>
        <source>This belongs to another citizen-service centre.</source>
        <translation>Isto pertence a outra loja de atendimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="57"/>
        <source>The central service cannot be reached. Check the network; the action can be repeated safely.</source>
        <translation>Não é possível contactar o serviço central. Verifique a rede; pode repetir a ação em segurança.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="62"/>
        <source>The central service did not answer in time. The action can be repeated safely.</source>
        <translation>O serviço central não respondeu a tempo. Pode repetir a ação em segurança.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="65"/>
        <source>The central service gave an answer this version cannot read.</source>
        <translation>O serviço central deu uma resposta que esta versão não consegue ler.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="68"/>
        <source>This computer has no secure password store, so the session cannot be remembered.</source>
        <translation>Este computador não tem um cofre seguro de palavras-passe; por isso, a sessão não pode ser lembrada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="72"/>
        <source>The server address is not valid. It looks like https://balcao.example.pt</source>
        <translation>O endereço do servidor não é válido. Tem o formato https://balcao.exemplo.pt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="75"/>
        <source>This setting is fixed by your organisation and cannot be changed here.</source>
        <translation>Esta definição é fixada pela sua organização e não pode ser alterada aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="77"/>
        <source>This value cannot be used for the setting.</source>
        <translation>Este valor não pode ser usado nesta definição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="79"/>
        <source>The demo needs the central service installed on this computer.</source>
        <translation>A demonstração precisa do serviço central instalado neste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="81"/>
        <source>The demo central service did not start. See the log for details.</source>
        <translation>O serviço central de demonstração não arrancou. Veja o registo para mais pormenores.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="83"/>
        <source>Nobody is waiting for the services of this counter.</source>
        <translation>Não há ninguém à espera para os serviços deste balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="85"/>
        <source>Finish, transfer or suspend the current ticket first.</source>
        <translation>Termine, transfira ou suspenda primeiro a senha atual.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="87"/>
        <source>The counter is paused. Resume it to call citizens.</source>
        <translation>O balcão está em pausa. Retome-o para chamar cidadãos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="89"/>
        <source>The counter is closed.</source>
        <translation>O balcão está fechado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="91"/>
        <source>Only an open counter can be paused.</source>
        <translation>Só um balcão aberto pode ser posto em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="93"/>
        <source>The counter is not paused.</source>
        <translation>O balcão não está em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="95"/>
        <source>Someone else is working at this counter. Choose another one.</source>
        <translation>Está outra pessoa a trabalhar neste balcão. Escolha outro.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="100"/>
        <source>You are already working at counter {number}. Close it there first.</source>
        <translation>Já está a trabalhar no balcão {number}. Feche-o primeiro nesse balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="102"/>
        <source>You are already working at another counter. Close it there first.</source>
        <translation>Já está a trabalhar noutro balcão. Feche-o primeiro nesse balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="104"/>
        <source>This counter is operated by someone else.</source>
        <translation>Este balcão está a ser usado por outra pessoa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="106"/>
        <source>This counter no longer exists.</source>
        <translation>Este balcão já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="108"/>
        <source>There is no such ticket today.</source>
        <translation>Não existe essa senha hoje.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="114"/>
        <source>This ticket is no longer at your counter.</source>
        <translation>Esta senha já não está no seu balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="116"/>
        <source>This ticket was transferred to another counter.</source>
        <translation>Esta senha foi transferida para outro balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="118"/>
        <source>This ticket was issued on another day and cannot be reactivated.</source>
        <translation>Esta senha foi emitida noutro dia e não pode ser reativada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="120"/>
        <source>This service does not take priority tickets.</source>
        <translation>Este serviço não tem atendimento prioritário.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="122"/>
        <source>Type a ticket number, for example A012.</source>
        <translation>Escreva o número de uma senha, por exemplo A012.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="124"/>
        <source>Choose how the visit ended.</source>
        <translation>Indique como terminou o atendimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="126"/>
        <source>Choose a service or a counter to transfer to.</source>
        <translation>Escolha o serviço ou o balcão de destino.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="128"/>
        <source>The ticket is already at this counter.</source>
        <translation>A senha já está neste balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="130"/>
        <source>This service no longer exists.</source>
        <translation>Este serviço já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="132"/>
        <source>This citizen-service centre no longer exists.</source>
        <translation>Esta loja de atendimento já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="134"/>
        <source>This user no longer exists.</source>
        <translation>Este utilizador já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="136"/>
        <source>Some of the data is not valid. Check the fields and try again.</source>
        <translation>Alguns dados não são válidos. Verifique os campos e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="138"/>
        <source>The action was sent twice in a conflicting way. Try again.</source>
        <translation>A ação foi enviada duas vezes de forma contraditória. Tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="141"/>
        <source>The central service had an internal error. Try again; if it keeps happening, tell IT.</source>
        <translation>O serviço central teve um erro interno. Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="150"/>
        <source>The file is larger than the {size} MB the central service accepts.</source>
        <translation>O ficheiro tem mais do que os {size} MB que o serviço central aceita.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="154"/>
        <source>Only PDF, JPEG and PNG files are accepted (checked by their content).</source>
        <translation>Só são aceites ficheiros PDF, JPEG e PNG (verificados pelo conteúdo).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="156"/>
        <source>The file&apos;s type does not match its content.</source>
        <translation>O tipo do ficheiro não corresponde ao seu conteúdo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="158"/>
        <source>The file arrived damaged at the central service. Attach it again.</source>
        <translation>O ficheiro chegou danificado ao serviço central. Anexe-o de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="160"/>
        <source>The file is empty.</source>
        <translation>O ficheiro está vazio.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="162"/>
        <source>The personal data of this case was erased at the end of its retention period: it can no longer be changed.</source>
        <translation>Os dados pessoais deste registo foram apagados no fim do prazo de conservação: já não pode ser alterado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="173"/>
        <source>Ticket {number} is {status}, so it cannot be {action}.</source>
        <translation>A senha {number} está {status}; por isso, não pode ser {action}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="177"/>
        <source>The ticket is {status}: this action is not possible now.</source>
        <translation>A senha está {status}: esta ação não é possível agora.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="180"/>
        <source>This action is not possible for the ticket now.</source>
        <translation>Esta ação não é possível para a senha neste momento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="186"/>
        <source>Waiting</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="187"/>
        <source>Called</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="188"/>
        <source>Being served</source>
        <translation>Em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="189"/>
        <source>Done</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="190"/>
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="191"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="192"/>
        <source>Suspended</source>
        <translation>Suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="199"/>
        <source>waiting</source>
        <translation>em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="200"/>
        <location filename="../../desktop/views/messages.py" line="212"/>
        <location filename="../../desktop/views/messages.py" line="213"/>
        <source>called</source>
        <translation>chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="201"/>
        <source>being served</source>
        <translation>em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="202"/>
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="203"/>
        <location filename="../../desktop/views/messages.py" line="217"/>
        <source>marked as a no-show</source>
        <translation>marcada como não comparência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="204"/>
        <location filename="../../desktop/views/messages.py" line="221"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="205"/>
        <location filename="../../desktop/views/messages.py" line="219"/>
        <source>suspended</source>
        <translation>suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="214"/>
        <source>called again</source>
        <translation>chamada de novo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="215"/>
        <source>started</source>
        <translation>iniciada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="216"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="218"/>
        <source>transferred</source>
        <translation>transferida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="220"/>
        <source>resumed</source>
        <translation>retomada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="222"/>
        <source>reactivated</source>
        <translation>reativada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="228"/>
        <source>No priority</source>
        <translation>Sem prioridade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="229"/>
        <source>Disability or incapacity</source>
        <translation>Deficiência ou incapacidade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="230"/>
        <source>Elderly person</source>
        <translation>Pessoa idosa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="231"/>
        <location filename="../../desktop/views/messages.py" line="242"/>
        <source>Pregnancy</source>
        <translation>Grávida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="232"/>
        <source>Infant in arms</source>
        <translation>Criança de colo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="240"/>
        <source>Disability</source>
        <translation>Deficiência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="241"/>
        <source>Elderly</source>
        <translation>Idoso</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="243"/>
        <source>Infant</source>
        <translation>Criança de colo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="249"/>
        <source>Resolved</source>
        <translation>Resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="250"/>
        <source>Partially resolved</source>
        <translation>Parcialmente resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="251"/>
        <source>Referred elsewhere</source>
        <translation>Encaminhado para outra entidade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="252"/>
        <source>Not resolved</source>
        <translation>Não resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="253"/>
        <source>Information only</source>
        <translation>Apenas informação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="259"/>
        <source>Break</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="260"/>
        <source>Back-office work</source>
        <translation>Trabalho interno</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="261"/>
        <source>Training</source>
        <translation>Formação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="262"/>
        <source>Meeting</source>
        <translation>Reunião</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="263"/>
        <source>Technical problem</source>
        <translation>Problema técnico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="264"/>
        <source>Other reason</source>
        <translation>Outro motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="270"/>
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="272"/>
        <source>Closed</source>
        <translation>Fechado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="275"/>
        <source>Paused: {reason}</source>
        <translation>Em pausa: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="278"/>
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="290"/>
        <source>Returned to the front of queue {service}.</source>
        <translation>Voltou para o início da fila {service}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="292"/>
        <source>Appointment at {time}.</source>
        <translation>Marcação para as {time}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="294"/>
        <source>Appointment at {time}, called early: nobody else is waiting.</source>
        <translation>Marcação para as {time}, chamada mais cedo: não há mais ninguém à espera.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="299"/>
        <source>Waited {minutes} min in queue {service} while {streak} priority tickets went first.</source>
        <translation>Esperou {minutes} min na fila {service} enquanto passaram {streak} senhas prioritárias.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="303"/>
        <source>Legal priority: {category}.</source>
        <translation>Atendimento prioritário: {category}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="308"/>
        <source>Longest wait for this counter: {minutes} min in queue {service}.</source>
        <translation>Maior espera para este balcão: {minutes} min na fila {service}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="311"/>
        <source>Called by its number.</source>
        <translation>Chamada pelo número.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="320"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="323"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="324"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
</context>
<context>
    <name>MonitorWindow</name>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="43"/>
        <source>Balcão: monitor</source>
        <translation>Balcão: monitorização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="44"/>
        <source>Monitor</source>
        <translation>Monitorização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="49"/>
        <source>Services</source>
        <translation>Serviços</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="50"/>
        <source>Counters</source>
        <translation>Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="53"/>
        <source>&amp;Queues by service</source>
        <translation>&amp;Filas por serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="56"/>
        <source>C&amp;ounters</source>
        <translation>&amp;Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="60"/>
        <source>The figures on screen may be out of date. Reconnecting automatically…</source>
        <translation>Os números no ecrã podem estar desatualizados. A restabelecer a ligação automaticamente…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="72"/>
        <source>&amp;Work at a counter…</source>
        <translation>&amp;Trabalhar num balcão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="103"/>
        <source>Balcão: monitor · {centre}</source>
        <translation>Balcão: monitorização · {centre}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="110"/>
        <source>Loading the queues…</source>
        <translation>A carregar as filas…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="122"/>
        <source>{waiting} waiting · {open} counters open</source>
        <translation>{waiting} em espera · {open} balcões abertos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="126"/>
        <source>{count} over the target wait</source>
        <translation>{count} acima do tempo de espera objetivo</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="90"/>
        <source>Offline</source>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="91"/>
        <source>No connection to the central service</source>
        <translation>Sem ligação ao serviço central</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="286"/>
        <source>Pause the counter</source>
        <translation>Pôr o balcão em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="290"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="302"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <location filename="../../desktop/views/prompter.py" line="23"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="26"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="40"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="41"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="150"/>
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="151"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="152"/>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="153"/>
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="154"/>
        <source>For counter</source>
        <translation>Para o balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="179"/>
        <source>Returned to the front of the queue</source>
        <translation>Voltou para o início da fila</translation>
    </message>
</context>
<context>
    <name>QueueTableView</name>
    <message>
        <location filename="../../desktop/views/queue_table_view.py" line="25"/>
        <source>Waiting tickets</source>
        <translation>Senhas em espera</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="92"/>
        <source>Balcão: reception</source>
        <translation>Balcão: receção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="93"/>
        <source>Reception</source>
        <translation>Receção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="122"/>
        <source>No priority (Enter)</source>
        <translation>Sem prioridade (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="126"/>
        <source>Back (Esc)</source>
        <translation>Voltar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="127"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="137"/>
        <location filename="../../desktop/views/reception_window.py" line="141"/>
        <source>Last ticket issued</source>
        <translation>Última senha emitida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="138"/>
        <source>No ticket issued yet.</source>
        <translation>Ainda não foi emitida nenhuma senha.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="146"/>
        <source>Issue a ticket</source>
        <translation>Emitir senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="152"/>
        <source>Ticket number to find</source>
        <translation>Número da senha a procurar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="153"/>
        <source>e.g. A012</source>
        <translation>p. ex. A012</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="155"/>
        <source>&amp;Find ticket:</source>
        <translation>&amp;Procurar senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="157"/>
        <location filename="../../desktop/views/reception_window.py" line="158"/>
        <source>Find</source>
        <translation>Procurar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="162"/>
        <source>Tickets found</source>
        <translation>Senhas encontradas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="164"/>
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="164"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="164"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="164"/>
        <source>Issued at</source>
        <translation>Emitida às</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="174"/>
        <location filename="../../desktop/views/reception_window.py" line="175"/>
        <source>Cancel ticket</source>
        <translation>Cancelar senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="177"/>
        <source>Reactivate at the back</source>
        <translation>Reativar no fim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="178"/>
        <source>Reactivate at the back of the queue</source>
        <translation>Reativar no fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="180"/>
        <source>Reactivate at the front</source>
        <translation>Reativar no início</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="182"/>
        <source>Reactivate at the front of the queue</source>
        <translation>Reativar no início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="185"/>
        <source>Find, cancel or reactivate</source>
        <translation>Procurar, cancelar ou reativar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="200"/>
        <source>Tickets cannot be issued until the connection is back. Reconnecting…</source>
        <translation>Não é possível emitir senhas até a ligação voltar. A restabelecer…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="252"/>
        <source>Tickets ({keys})</source>
        <translation>Senhas ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="255"/>
        <source>Appointments: check-in ({keys})</source>
        <translation>Marcações: chegada ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="318"/>
        <source>{prefix} · {service}: priority?</source>
        <translation>{prefix} · {service}: prioridade?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="325"/>
        <source>This service does not take priority tickets.</source>
        <translation>Este serviço não tem atendimento prioritário.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="363"/>
        <source>Issued at {time}</source>
        <translation>Emitida às {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="391"/>
        <source>There is no ticket with this number today.</source>
        <translation>Não há nenhuma senha com este número hoje.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="453"/>
        <source>Ticket {number} is now {status}.</source>
        <translation>A senha {number} está agora {status}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="505"/>
        <source>{count} waiting</source>
        <translation>{count} em espera</translation>
    </message>
</context>
<context>
    <name>RelatedArticlesHint</name>
    <message>
        <location filename="../../desktop/views/related_articles_hint.py" line="43"/>
        <source>Related articles</source>
        <translation>Artigos relacionados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/related_articles_hint.py" line="95"/>
        <source>Related articles of the knowledge base appear here as you type.</source>
        <translation>Os artigos relacionados da base de conhecimento aparecem aqui enquanto escreve.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/related_articles_hint.py" line="99"/>
        <source>Related articles (Enter or click opens):</source>
        <translation>Artigos relacionados (Enter ou clique abre):</translation>
    </message>
</context>
<context>
    <name>ServiceLoadTableModel</name>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="97"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="98"/>
        <source>Waiting</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="99"/>
        <source>Priority</source>
        <translation>Prioritários</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="100"/>
        <source>Longest wait</source>
        <translation>Maior espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="101"/>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="44"/>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="54"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="59"/>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="61"/>
        <source>Counter of this computer</source>
        <translation>Balcão deste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="62"/>
        <source>Ask at sign-in</source>
        <translation>Perguntar ao iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="71"/>
        <source>Lock after minutes without use</source>
        <translation>Bloquear após minutos sem utilização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="73"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="75"/>
        <source>Remember my session on this computer</source>
        <translation>Lembrar a minha sessão neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="89"/>
        <source>Set by your organisation: it cannot be changed here.</source>
        <translation>Definido pela sua organização: não pode ser alterado aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="92"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="93"/>
        <source>A new language applies the next time Balcão starts.</source>
        <translation>O novo idioma aplica-se da próxima vez que abrir o Balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="97"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="98"/>
        <source>&amp;Counter:</source>
        <translation>&amp;Balcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="99"/>
        <source>Lock &amp;after:</source>
        <translation>Bloquear &amp;após:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="103"/>
        <source>Greyed-out settings are fixed by your organisation.</source>
        <translation>As definições a cinzento são fixadas pela sua organização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="115"/>
        <location filename="../../desktop/views/settings_dialog.py" line="117"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="119"/>
        <location filename="../../desktop/views/settings_dialog.py" line="120"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SuggestionDialog</name>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="61"/>
        <source>Suggest a correction</source>
        <translation>Sugerir uma correção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="63"/>
        <source>On “{title}”: what is wrong or missing? The editors review it.</source>
        <translation>Sobre “{title}”: o que está errado ou em falta? Os editores vão rever.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="71"/>
        <source>Correction (something is wrong)</source>
        <translation>Correção (algo está errado)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="72"/>
        <source>Note (something to add)</source>
        <translation>Nota (algo a acrescentar)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="77"/>
        <source>e.g. The fee went up in January; the form is now online too.</source>
        <translation>p. ex. A taxa subiu em janeiro; o formulário também já está disponível online.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="79"/>
        <source>Suggestion</source>
        <translation>Sugestão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="82"/>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="85"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="90"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/article_viewer.py" line="91"/>
        <source>&amp;Text:</source>
        <translation>Te&amp;xto:</translation>
    </message>
</context>
<context>
    <name>TicketActionDialogs</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="50"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="170"/>
        <source>Transfer ticket {number}</source>
        <translation>Transferir a senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="174"/>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="175"/>
        <source>Keep the same service</source>
        <translation>Manter o mesmo serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="180"/>
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="181"/>
        <source>Any counter of the service</source>
        <translation>Qualquer balcão do serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="186"/>
        <source>At the &amp;back of the queue</source>
        <translation>No &amp;fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="187"/>
        <source>At the back of the queue</source>
        <translation>No fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="188"/>
        <source>At the &amp;front of the queue</source>
        <translation>No &amp;início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="189"/>
        <source>At the front of the queue</source>
        <translation>No início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="191"/>
        <source>Position</source>
        <translation>Posição</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="202"/>
        <source>&amp;Service:</source>
        <translation>&amp;Serviço:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="203"/>
        <source>&amp;Counter:</source>
        <translation>B&amp;alcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="208"/>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="88"/>
        <source>Signed in as</source>
        <translation>Sessão iniciada por</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="97"/>
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="98"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="101"/>
        <source>&amp;Lock screen</source>
        <translation>&amp;Bloquear ecrã</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="105"/>
        <source>Log &amp;out</source>
        <translation>Terminar s&amp;essão</translation>
    </message>
</context>
</TS>
