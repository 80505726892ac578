<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_PT">
<context>
    <name>AttendantWindow</name>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="97" />
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="108" />
        <source>Press {keys} to call the next citizen.</source>
        <translation>Prima {keys} para chamar o próximo cidadão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="120" />
        <source>The queue on screen may be out of date and calling is disabled. You can keep serving the citizen and writing notes. Reconnecting automatically…</source>
        <translation>A fila no ecrã pode estar desatualizada e não é possível chamar. Pode continuar a atender o cidadão e a escrever notas. A restabelecer a ligação automaticamente…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="172" />
        <source>Balcão: counter</source>
        <translation>Balcão: atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="178" />
        <source>&amp;Counter</source>
        <translation>&amp;Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="216" />
        <source>Opening the counter…</source>
        <translation>A abrir o balcão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="410" />
        <source>Ticket {number} finished.</source>
        <translation>Atendimento da senha {number} terminado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="429" />
        <source>Ticket {number} marked as a no-show.</source>
        <translation>Senha {number} marcada como não comparência.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="457" />
        <source>Ticket {number} transferred.</source>
        <translation>Senha {number} transferida.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="471" />
        <source>Ticket {number} suspended. Resume it with {keys}.</source>
        <translation>Senha {number} suspensa. Retome-a com {keys}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="490" />
        <source>There are no suspended tickets.</source>
        <translation>Não há senhas suspensas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="496" />
        <source>Resume a suspended ticket</source>
        <translation>Retomar uma senha suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="497" />
        <source>Suspended ticket:</source>
        <translation>Senha suspensa:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="573" />
        <source>&amp;Waiting for this counter: {count}</source>
        <translation>&amp;Em espera para este balcão: {count}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="585" />
        <source>Counter: opening…</source>
        <translation>Balcão: a abrir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="588" />
        <source>{counter}: {state}</source>
        <translation>{counter}: {state}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="594" />
        <source>Balcão: {counter} · {user}</source>
        <translation>Balcão: {counter} · {user}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="609" />
        <source>no connection to the central service.</source>
        <translation>sem ligação ao serviço central.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="610" />
        <source>the previous action is still running.</source>
        <translation>a ação anterior ainda está em curso.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="611" />
        <source>the counter is paused.</source>
        <translation>o balcão está em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="612" />
        <source>finish, transfer or suspend the current ticket first.</source>
        <translation>termine, transfira ou suspenda primeiro a senha atual.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="634" />
        <source>A citizen is being served</source>
        <translation>Está a atender um cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/attendant_window.py" line="636" />
        <source>Ticket {number} is being served. If you leave now it stays at this counter until you come back. Leave anyway?</source>
        <translation>A senha {number} está em atendimento. Se sair agora, fica neste balcão até voltar. Sair mesmo assim?</translation>
    </message>
</context>
<context>
    <name>CallNumberDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="246" />
        <source>Call a specific ticket</source>
        <translation>Chamar uma senha específica</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="249" />
        <source>Ticket number</source>
        <translation>Número da senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="250" />
        <source>e.g. A012</source>
        <translation>p. ex. A012</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="255" />
        <source>Ticket &amp;number:</source>
        <translation>&amp;Número da senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="260" />
        <source>Call</source>
        <translation>Chamar</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../desktop/views/case_form.py" line="121" />
        <source>New case</source>
        <translation>Novo registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="180" />
        <location filename="../../desktop/views/case_form.py" line="342" />
        <location filename="../../desktop/views/case_form.py" line="346" />
        <location filename="../../desktop/views/case_form.py" line="410" />
        <source>(choose)</source>
        <translation>(escolher)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="181" />
        <source>A service of the municipality</source>
        <translation>Um serviço do município</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="182" />
        <source>A public policy</source>
        <translation>Uma política pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="189" />
        <source>optional, e.g. 38.7369</source>
        <translation>opcional, p. ex. 38.7369</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="192" />
        <source>optional, e.g. -9.1427</source>
        <translation>opcional, p. ex. -9.1427</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="200" />
        <source>The answer may be made public</source>
        <translation>A resposta pode ser tornada pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="217" />
        <source>What the citizen came to file</source>
        <translation>O que o cidadão vem registar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="219" />
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="259" />
        <source>Submit (Ctrl+Enter)</source>
        <translation>Registar (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="261" />
        <source>Submit the case (Ctrl+Enter)</source>
        <translation>Registar o pedido (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="267" />
        <source>Close (Esc)</source>
        <translation>Fechar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="268" />
        <source>Close: what was typed is kept as a draft</source>
        <translation>Fechar: o que foi escrito fica guardado como rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="294" />
        <source>Follow-up code (shown only this once):</source>
        <translation>Código de acompanhamento (mostrado só desta vez):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="300" />
        <source>Give this code to the citizen now and ask them to write it down or keep the receipt: with the reference it is the only way to follow the report, and it cannot be shown again.</source>
        <translation>Dê agora este código ao cidadão e peça-lhe que o anote ou guarde o comprovativo: com a referência, é a única forma de acompanhar a denúncia e não pode voltar a ser mostrado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="311" />
        <source>&amp;Receipt (PDF)…</source>
        <translation>&amp;Recibo (PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="315" />
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="352" />
        <source>The types of case were never read from the central service: connect once to file cases.</source>
        <translation>Os tipos de registo nunca foram lidos dos serviços centrais: ligue-se uma vez para poder registar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="386" />
        <source>Not linked to a visit (no ticket being served).</source>
        <translation>Sem ligação a um atendimento (nenhuma senha em atendimento).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="387" />
        <source>Linked to the visit being served (ticket {ticket}).</source>
        <translation>Ligado ao atendimento em curso (senha {ticket}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="522" />
        <source>Correct case {reference}</source>
        <translation>Corrigir o registo {reference}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="525" />
        <source>The central service did not accept this case: {reason}</source>
        <translation>Os serviços centrais não aceitaram este registo: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="535" />
        <source>Case draft</source>
        <translation>Rascunho de registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="570" />
        <source>Still to fill in or correct: {fields}.</source>
        <translation>Falta preencher ou corrigir: {fields}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="650" />
        <source>Case registered. It will be sent to the central service automatically.</source>
        <translation>Registo feito. Será enviado automaticamente para os serviços centrais.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_form.py" line="658" />
        <source>The reference starting with P- is provisional: the case keeps it until the central service gives the final one, which will show in the list of cases.</source>
        <translation>A referência começada por P- é provisória: o registo fica com ela até os serviços centrais atribuírem a definitiva, que aparece na lista de registos.</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="40" />
        <source>Cases of this counter</source>
        <translation>Registos deste balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="57" />
        <source>Open / correct (Enter)</source>
        <translation>Abrir / corrigir (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="61" />
        <source>Send now</source>
        <translation>Enviar agora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="63" />
        <source>Try to send the cases waiting to sync now</source>
        <translation>Tentar enviar já os registos a aguardar envio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_list_panel.py" line="127" />
        <source>{reference} needs attention: {reason} Press Enter to correct it.</source>
        <translation>{reference} requer atenção: {reason} Prima Enter para o corrigir.</translation>
    </message>
</context>
<context>
    <name>CaseMessages</name>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="14" />
        <source>draft</source>
        <translation>rascunho</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="15" />
        <source>waiting to sync</source>
        <translation>a aguardar envio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="16" />
        <source>synced</source>
        <translation>enviado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="17" />
        <source>needs attention</source>
        <translation>requer atenção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="24" />
        <source>received</source>
        <translation>recebido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="25" />
        <source>in progress</source>
        <translation>em tratamento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="26" />
        <source>answered</source>
        <translation>respondido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="27" />
        <source>closed</source>
        <translation>encerrado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="33" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="34" />
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="35" />
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="36" />
        <source>Service concerned</source>
        <translation>Serviço visado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="37" />
        <source>Suggestion about</source>
        <translation>A sugestão é sobre</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="38" />
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="39" />
        <source>Address</source>
        <translation>Morada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="40" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="41" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="42" />
        <source>Category questions</source>
        <translation>Perguntas da categoria</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="43" />
        <source>Addressee</source>
        <translation>Destinatário</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="44" />
        <source>Answer may be public</source>
        <translation>Resposta pode ser pública</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="45" />
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="46" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="47" />
        <source>NIF</source>
        <translation>NIF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="48" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="49" />
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="50" />
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="51" />
        <source>Postal address</source>
        <translation>Morada postal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="52" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="53" />
        <source>Contact by</source>
        <translation>Contactar por</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="59" />
        <location filename="../../desktop/views/case_messages.py" line="60" />
        <source>Required.</source>
        <translation>Obrigatório.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="61" />
        <location filename="../../desktop/views/case_messages.py" line="62" />
        <source>Too long.</source>
        <translation>Demasiado longo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="63" />
        <location filename="../../desktop/views/case_messages.py" line="64" />
        <source>Not used for this type of case.</source>
        <translation>Não se usa neste tipo de registo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="65" />
        <source>Choose a type of case.</source>
        <translation>Escolha um tipo de registo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="66" />
        <source>Choose a category from the list.</source>
        <translation>Escolha uma categoria da lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="67" />
        <source>Choose an addressee from the list.</source>
        <translation>Escolha um destinatário da lista.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="68" />
        <source>This question is not asked for the category.</source>
        <translation>Esta pergunta não se aplica à categoria.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="69" />
        <source>Answer this question of the category.</source>
        <translation>Responda a esta pergunta da categoria.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="70" />
        <source>Choose one of the answers offered.</source>
        <translation>Escolha uma das respostas propostas.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="71" />
        <source>Give both latitude and longitude, or none.</source>
        <translation>Indique a latitude e a longitude, ou nenhuma.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="72" />
        <source>Out of range (latitude ±90, longitude ±180).</source>
        <translation>Fora dos limites (latitude ±90, longitude ±180).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="74" />
        <source>This type of case needs the citizen&apos;s name and a way to send the answer.</source>
        <translation>Este tipo de registo exige o nome do cidadão e uma forma de lhe enviar a resposta.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="77" />
        <source>Choose how the answer is sent: email, phone or post.</source>
        <translation>Escolha como é enviada a resposta: email, telefone ou correio.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="79" />
        <source>No personal data in an anonymous report.</source>
        <translation>Uma denúncia anónima não leva dados pessoais.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="80" />
        <source>Unknown language.</source>
        <translation>Idioma desconhecido.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="81" />
        <source>The follow-up code is not valid.</source>
        <translation>O código de acompanhamento não é válido.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="82" />
        <source>The NIF has digits only.</source>
        <translation>O NIF só tem algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="83" />
        <source>The NIF has 9 digits.</source>
        <translation>O NIF tem 9 algarismos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="84" />
        <source>No NIF starts like this.</source>
        <translation>Nenhum NIF começa assim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="85" />
        <source>Wrong check digit: check the NIF.</source>
        <translation>Dígito de controlo errado: confirme o NIF.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="86" />
        <source>Not an email address (name@domain.pt).</source>
        <translation>Não é um endereço de email (nome@dominio.pt).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="87" />
        <source>Digits only (a + in front for abroad).</source>
        <translation>Só algarismos (com + à frente para o estrangeiro).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="88" />
        <source>A phone number has 9 digits (8 to 15 abroad).</source>
        <translation>Um número de telefone tem 9 algarismos (8 a 15 no estrangeiro).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="89" />
        <source>No Portuguese phone number starts like this.</source>
        <translation>Nenhum número de telefone português começa assim.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="90" />
        <source>Write the postal code as NNNN-NNN.</source>
        <translation>Escreva o código postal como NNNN-NNN.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="95" />
        <source>Not accepted (code {code}).</source>
        <translation>Não aceite (código {code}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_messages.py" line="100" />
        <source>Cases waiting to sync: {count}</source>
        <translation>Registos a aguardar envio: {count}</translation>
    </message>
</context>
<context>
    <name>CaseReceipt</name>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="175" />
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="176" />
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="178" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="181" />
        <source>Printing is not available here: save instead</source>
        <translation>Não é possível imprimir aqui: guarde o PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="186" />
        <source>The receipt:</source>
        <translation>O recibo:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_receipt.py" line="195" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72" />
        <source>Reference</source>
        <translation>Referência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="72" />
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../desktop/views/case_table_model.py" line="88" />
        <source>Refused by the central service ({code}): correct and submit again.</source>
        <translation>Recusado pelos serviços centrais ({code}): corrija e registe de novo.</translation>
    </message>
</context>
<context>
    <name>CitizenBlockEditor</name>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="29" />
        <source>Anonymous report: no personal data is collected. Do not write the citizen&apos;s name or contacts in the description either.</source>
        <translation>Denúncia anónima: não são recolhidos dados pessoais. Também não escreva o nome nem contactos do cidadão na descrição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="50" />
        <source>Portuguese</source>
        <translation>Português</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="51" />
        <source>English</source>
        <translation>Inglês</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="57" />
        <source>No answer needed</source>
        <translation>Não precisa de resposta</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="58" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="59" />
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="60" />
        <source>Post</source>
        <translation>Correio</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="61" />
        <source>In person, at the counter</source>
        <translation>Presencialmente, no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="88" />
        <source>Citizen (required for this type)</source>
        <translation>Cidadão (obrigatório neste tipo)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="90" />
        <source>Citizen</source>
        <translation>Cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/citizen_block_editor.py" line="92" />
        <source>Citizen (optional)</source>
        <translation>Cidadão (opcional)</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="36" />
        <source>Connection to the central service</source>
        <translation>Ligação ao serviço central</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="59" />
        <source>● Connected</source>
        <translation>● Ligado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="62" />
        <source>● Offline: retrying in {seconds} s</source>
        <translation>● Sem ligação: nova tentativa em {seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="66" />
        <source>● Offline: retrying…</source>
        <translation>● Sem ligação: a tentar de novo…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="68" />
        <source>● Reloading the queue…</source>
        <translation>● A recarregar a fila…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="70" />
        <source>● Connecting…</source>
        <translation>● A ligar…</translation>
    </message>
</context>
<context>
    <name>CounterActionBar</name>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="147" />
        <source>Counter actions</source>
        <translation>Ações do balcão</translation>
    </message>
</context>
<context>
    <name>CounterActions</name>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="60" />
        <source>Call next</source>
        <translation>Chamar seguinte</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="60" />
        <source>Call the next citizen</source>
        <translation>Chamar o próximo cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="62" />
        <source>Call by number…</source>
        <translation>Chamar por número…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="62" />
        <source>Call a specific ticket by number</source>
        <translation>Chamar uma senha específica pelo número</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="64" />
        <source>Call again</source>
        <translation>Chamar de novo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="64" />
        <source>Call the same ticket again</source>
        <translation>Voltar a chamar a mesma senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="66" />
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="66" />
        <source>The citizen arrived: start serving them</source>
        <translation>O cidadão chegou: iniciar o atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="69" />
        <source>Finish…</source>
        <translation>Terminar…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="69" />
        <source>Finish the visit: outcome, services, notes</source>
        <translation>Terminar o atendimento: resultado, serviços, notas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="71" />
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="71" />
        <source>The citizen did not come</source>
        <translation>O cidadão não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="73" />
        <source>Transfer…</source>
        <translation>Transferir…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="74" />
        <source>Send the citizen to another service or counter</source>
        <translation>Encaminhar o cidadão para outro serviço ou balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="78" />
        <source>Suspend</source>
        <translation>Suspender</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="79" />
        <source>Suspend the visit (e.g. the citizen fetches a document)</source>
        <translation>Suspender o atendimento (p. ex. o cidadão vai buscar um documento)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="83" />
        <source>Resume suspended…</source>
        <translation>Retomar suspensa…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="84" />
        <source>Call back a suspended ticket</source>
        <translation>Voltar a chamar uma senha suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="87" />
        <source>Pause…</source>
        <translation>Pausa…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="87" />
        <source>Pause the counter, with a reason</source>
        <translation>Pôr o balcão em pausa, indicando o motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="89" />
        <source>Resume counter</source>
        <translation>Retomar balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="89" />
        <source>Open the counter again after a pause</source>
        <translation>Reabrir o balcão depois de uma pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="133" />
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_actions.py" line="136" />
        <source>{tip}
Not available now: {reason}</source>
        <translation>{tip}
Indisponível agora: {reason}</translation>
    </message>
</context>
<context>
    <name>CounterCases</name>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="48" />
        <source>&amp;New case</source>
        <translation>&amp;Novo registo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="53" />
        <source>New case: what the citizen came to file ({keys})</source>
        <translation>Novo registo: o que o cidadão vem registar ({keys})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="58" />
        <source>Cases of this counter</source>
        <translation>Registos deste balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_cases.py" line="61" />
        <source>New case ({keys})</source>
        <translation>Novo registo ({keys})</translation>
    </message>
</context>
<context>
    <name>CounterPickerDialog</name>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="38" />
        <source>Choose your counter</source>
        <translation>Escolha o seu balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="50" />
        <source>Which counter is this computer at? The choice is kept on this computer; you can change it later in the settings.</source>
        <translation>Em que balcão está este computador? A escolha fica guardada neste computador; pode alterá-la mais tarde nas definições.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="57" />
        <source>Counters</source>
        <translation>Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="60" />
        <source>&amp;Counter:</source>
        <translation>&amp;Balcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="68" />
        <location filename="../../desktop/views/counter_picker_dialog.py" line="70" />
        <source>Use this counter</source>
        <translation>Usar este balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="73" />
        <location filename="../../desktop/views/counter_picker_dialog.py" line="74" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="88" />
        <source>Loading counters…</source>
        <translation>A carregar os balcões…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="106" />
        <source>{counter}  ·  services {services}</source>
        <translation>{counter}  ·  serviços {services}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/counter_picker_dialog.py" line="110" />
        <source>in use by someone else</source>
        <translation>ocupado por outra pessoa</translation>
    </message>
</context>
<context>
    <name>CounterStatusTableModel</name>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="144" />
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="145" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="146" />
        <source>Attendant</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="147" />
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="148" />
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="162" />
        <source>Counter {number}</source>
        <translation>Balcão {number}</translation>
    </message>
</context>
<context>
    <name>CurrentTicketPanel</name>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="43" />
        <source>Citizen at the counter</source>
        <translation>Cidadão no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="74" />
        <source>Waited:</source>
        <translation>Esperou:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="75" />
        <source>Called at:</source>
        <translation>Chamada às:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="77" />
        <source>Why this ticket:</source>
        <translation>Porquê esta senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="91" />
        <source>&amp;Notes on this visit</source>
        <translation>&amp;Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="94" />
        <source>Notes on this visit</source>
        <translation>Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="96" />
        <source>What the citizen asked for and what was done (no sensitive data).</source>
        <translation>O que o cidadão pediu e o que foi feito (sem dados sensíveis).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="201" />
        <source>Nobody at the counter</source>
        <translation>Ninguém no balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="203" />
        <source>No ticket</source>
        <translation>Sem senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="209" />
        <source>Ticket {number}</source>
        <translation>Senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="221" />
        <source>{time} (called {count} times)</source>
        <translation>{time} (chamada {count} vezes)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="230" />
        <source>Serving for:</source>
        <translation>Em atendimento há:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="230" />
        <source>Called for:</source>
        <translation>Chamada há:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="238" />
        <source>Being served</source>
        <translation>Em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="240" />
        <source>Called: waiting for the citizen to arrive</source>
        <translation>Chamada: à espera que o cidadão chegue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/current_ticket_panel.py" line="242" />
        <source>Suspended</source>
        <translation>Suspensa</translation>
    </message>
</context>
<context>
    <name>FinishDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="71" />
        <source>Finish ticket {number}</source>
        <translation>Terminar a senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="75" />
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="88" />
        <source>Services performed</source>
        <translation>Serviços prestados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="98" />
        <source>&amp;Services performed</source>
        <translation>&amp;Serviços prestados</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="102" />
        <source>Notes on this visit</source>
        <translation>Notas deste atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="105" />
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="120" />
        <source>Finish</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="149" />
        <source>Notes are limited to {limit} characters.</source>
        <translation>As notas estão limitadas a {limit} caracteres.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="134" />
        <source>Inactivity warning</source>
        <translation>Aviso de inatividade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="149" />
        <source>Balcão locks in {seconds} s because nobody has used it. Move the mouse or press a key to keep working.</source>
        <translation>O Balcão bloqueia dentro de {seconds} s por falta de utilização. Mexa o rato ou prima uma tecla para continuar a trabalhar.</translation>
    </message>
</context>
<context>
    <name>IncidentDuplicates</name>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="56" />
        <source>Similar open incidents are looked for once the category and the place (coordinates) or a few words of the description are given.</source>
        <translation>As ocorrências semelhantes em aberto são procuradas quando houver categoria e local (coordenadas) ou algumas palavras na descrição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="92" />
        <source>Looking for similar open incidents…</source>
        <translation>A procurar ocorrências semelhantes em aberto…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="109" />
        <source>No similar open incident found.</source>
        <translation>Nenhuma ocorrência semelhante em aberto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="113" />
        <source>Possibly already reported ({count}): tell the citizen the reference.</source>
        <translation>Possivelmente já comunicada ({count}): indique a referência ao cidadão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="125" />
        <source>{metres} m away</source>
        <translation>a {metres} m</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="127" />
        <source>similar words</source>
        <translation>palavras semelhantes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="128" />
        <source>{reference}: {address} ({why}; status: {status})</source>
        <translation>{reference}: {address} ({why}; estado: {status})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="142" />
        <source>Similar incidents cannot be looked up offline; the case can be filed.</source>
        <translation>Não é possível procurar ocorrências semelhantes sem ligação; o registo pode ser feito.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/incident_duplicates.py" line="145" />
        <source>Similar incidents could not be looked up.</source>
        <translation>Não foi possível procurar ocorrências semelhantes.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="179" />
        <location filename="../../desktop/views/idle_lock.py" line="189" />
        <source>Balcão is locked</source>
        <translation>Balcão bloqueado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="196" />
        <source>Signed in as {name}</source>
        <translation>Sessão de {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="200" />
        <location filename="../../desktop/views/idle_lock.py" line="201" />
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="207" />
        <location filename="../../desktop/views/idle_lock.py" line="208" />
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="212" />
        <location filename="../../desktop/views/idle_lock.py" line="213" />
        <source>Log out</source>
        <translation>Terminar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="239" />
        <source>Your session has ended. Enter your password to continue where you left.</source>
        <translation>A sua sessão terminou. Introduza a palavra-passe para continuar onde estava.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/idle_lock.py" line="243" />
        <source>Locked after a period without use. Your work is kept.</source>
        <translation>Bloqueado após um período sem utilização. O seu trabalho foi mantido.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="47" />
        <source>Balcão: sign in</source>
        <translation>Balcão: iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="48" />
        <location filename="../../desktop/views/login_dialog.py" line="108" />
        <location filename="../../desktop/views/login_dialog.py" line="110" />
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="56" />
        <source>Balcão</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="58" />
        <source>Citizen-service counter</source>
        <translation>Balcão de atendimento ao cidadão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="62" />
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="65" />
        <source>Set by your organisation.</source>
        <translation>Definido pela sua organização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="67" />
        <source>User name</source>
        <translation>Utilizador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="70" />
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="73" />
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Lembrar-me neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="74" />
        <source>Remember me on this computer</source>
        <translation>Lembrar-me neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="86" />
        <source>This computer has no secure password store, so you will be asked to sign in each time Balcão starts.</source>
        <translation>Este computador não tem um cofre seguro de palavras-passe; por isso, terá de iniciar sessão sempre que abrir o Balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="93" />
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="94" />
        <source>&amp;User:</source>
        <translation>&amp;Utilizador:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="95" />
        <source>&amp;Password:</source>
        <translation>&amp;Palavra-passe:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="100" />
        <source>Sign-in error</source>
        <translation>Erro ao iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="115" />
        <location filename="../../desktop/views/login_dialog.py" line="117" />
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="137" />
        <source>Resuming your session…</source>
        <translation>A retomar a sua sessão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="158" />
        <source>Type your user name and password.</source>
        <translation>Escreva o utilizador e a palavra-passe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/login_dialog.py" line="172" />
        <source>Signing in…</source>
        <translation>A iniciar sessão…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/views/message_bar.py" line="21" />
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../desktop/views/message_bar.py" line="28" />
        <location filename="../../desktop/views/message_bar.py" line="29" />
        <source>Dismiss message</source>
        <translation>Fechar mensagem</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/views/messages.py" line="28" />
        <source>Unexpected error ({kind}). Try again; if it keeps happening, tell IT.</source>
        <translation>Erro inesperado ({kind}). Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="35" />
        <source>The action could not be completed (code {code}). Try again; if it keeps happening, tell IT.</source>
        <translation>Não foi possível concluir a ação (código {code}). Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="42" />
        <source>Wrong user name or password.</source>
        <translation>Utilizador ou palavra-passe incorretos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="45" />
        <source>Too many failed attempts for this user. Try again in {minutes} min.</source>
        <translation>Demasiadas tentativas falhadas para este utilizador. Tente de novo daqui a {minutes} min.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="48" />
        <source>Your session has ended. Enter your password to continue.</source>
        <translation>A sua sessão terminou. Introduza a palavra-passe para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="50" />
        <source>Your session has expired. Enter your password to continue.</source>
        <translation>A sua sessão expirou. Introduza a palavra-passe para continuar.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="52" />
        <source>Your profile is not allowed to do this.</source>
        <translation>O seu perfil não permite fazer isto.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="54" />
        <source>This belongs to another citizen-service centre.</source>
        <translation>Isto pertence a outra loja de atendimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="57" />
        <source>The central service cannot be reached. Check the network; the action can be repeated safely.</source>
        <translation>Não é possível contactar o serviço central. Verifique a rede; pode repetir a ação em segurança.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="62" />
        <source>The central service did not answer in time. The action can be repeated safely.</source>
        <translation>O serviço central não respondeu a tempo. Pode repetir a ação em segurança.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="65" />
        <source>The central service gave an answer this version cannot read.</source>
        <translation>O serviço central deu uma resposta que esta versão não consegue ler.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="68" />
        <source>This computer has no secure password store, so the session cannot be remembered.</source>
        <translation>Este computador não tem um cofre seguro de palavras-passe; por isso, a sessão não pode ser lembrada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="72" />
        <source>The server address is not valid. It looks like https://balcao.example.pt</source>
        <translation>O endereço do servidor não é válido. Tem o formato https://balcao.exemplo.pt</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="75" />
        <source>This setting is fixed by your organisation and cannot be changed here.</source>
        <translation>Esta definição é fixada pela sua organização e não pode ser alterada aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="77" />
        <source>This value cannot be used for the setting.</source>
        <translation>Este valor não pode ser usado nesta definição.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="79" />
        <source>The demo needs the central service installed on this computer.</source>
        <translation>A demonstração precisa do serviço central instalado neste computador.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="81" />
        <source>The demo central service did not start. See the log for details.</source>
        <translation>O serviço central de demonstração não arrancou. Veja o registo para mais pormenores.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="83" />
        <source>Nobody is waiting for the services of this counter.</source>
        <translation>Não há ninguém à espera para os serviços deste balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="85" />
        <source>Finish, transfer or suspend the current ticket first.</source>
        <translation>Termine, transfira ou suspenda primeiro a senha atual.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="87" />
        <source>The counter is paused. Resume it to call citizens.</source>
        <translation>O balcão está em pausa. Retome-o para chamar cidadãos.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="89" />
        <source>The counter is closed.</source>
        <translation>O balcão está fechado.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="91" />
        <source>Only an open counter can be paused.</source>
        <translation>Só um balcão aberto pode ser posto em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="93" />
        <source>The counter is not paused.</source>
        <translation>O balcão não está em pausa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="95" />
        <source>Someone else is working at this counter. Choose another one.</source>
        <translation>Está outra pessoa a trabalhar neste balcão. Escolha outro.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="100" />
        <source>You are already working at counter {number}. Close it there first.</source>
        <translation>Já está a trabalhar no balcão {number}. Feche-o primeiro nesse balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="102" />
        <source>You are already working at another counter. Close it there first.</source>
        <translation>Já está a trabalhar noutro balcão. Feche-o primeiro nesse balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="104" />
        <source>This counter is operated by someone else.</source>
        <translation>Este balcão está a ser usado por outra pessoa.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="106" />
        <source>This counter no longer exists.</source>
        <translation>Este balcão já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="108" />
        <source>There is no such ticket today.</source>
        <translation>Não existe essa senha hoje.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="112" />
        <source>This ticket is no longer at your counter.</source>
        <translation>Esta senha já não está no seu balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="114" />
        <source>This ticket was transferred to another counter.</source>
        <translation>Esta senha foi transferida para outro balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="116" />
        <source>This ticket was issued on another day and cannot be reactivated.</source>
        <translation>Esta senha foi emitida noutro dia e não pode ser reativada.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="118" />
        <source>This service does not take priority tickets.</source>
        <translation>Este serviço não tem atendimento prioritário.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="120" />
        <source>Type a ticket number, for example A012.</source>
        <translation>Escreva o número de uma senha, por exemplo A012.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="122" />
        <source>Choose how the visit ended.</source>
        <translation>Indique como terminou o atendimento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="124" />
        <source>Choose a service or a counter to transfer to.</source>
        <translation>Escolha o serviço ou o balcão de destino.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="126" />
        <source>The ticket is already at this counter.</source>
        <translation>A senha já está neste balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="128" />
        <source>This service no longer exists.</source>
        <translation>Este serviço já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="130" />
        <source>This citizen-service centre no longer exists.</source>
        <translation>Esta loja de atendimento já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="132" />
        <source>This user no longer exists.</source>
        <translation>Este utilizador já não existe.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="134" />
        <source>Some of the data is not valid. Check the fields and try again.</source>
        <translation>Alguns dados não são válidos. Verifique os campos e tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="136" />
        <source>The action was sent twice in a conflicting way. Try again.</source>
        <translation>A ação foi enviada duas vezes de forma contraditória. Tente de novo.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="139" />
        <source>The central service had an internal error. Try again; if it keeps happening, tell IT.</source>
        <translation>O serviço central teve um erro interno. Tente de novo; se continuar a acontecer, avise a informática.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="149" />
        <source>Ticket {number} is {status}, so it cannot be {action}.</source>
        <translation>A senha {number} está {status}; por isso, não pode ser {action}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="153" />
        <source>The ticket is {status}: this action is not possible now.</source>
        <translation>A senha está {status}: esta ação não é possível agora.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="156" />
        <source>This action is not possible for the ticket now.</source>
        <translation>Esta ação não é possível para a senha neste momento.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="162" />
        <source>Waiting</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="163" />
        <source>Called</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="164" />
        <source>Being served</source>
        <translation>Em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="165" />
        <source>Done</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="166" />
        <source>No-show</source>
        <translation>Não compareceu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="167" />
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="168" />
        <source>Suspended</source>
        <translation>Suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="175" />
        <source>waiting</source>
        <translation>em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="176" />
        <location filename="../../desktop/views/messages.py" line="188" />
        <location filename="../../desktop/views/messages.py" line="189" />
        <source>called</source>
        <translation>chamada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="177" />
        <source>being served</source>
        <translation>em atendimento</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="178" />
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="179" />
        <location filename="../../desktop/views/messages.py" line="193" />
        <source>marked as a no-show</source>
        <translation>marcada como não comparência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="180" />
        <location filename="../../desktop/views/messages.py" line="197" />
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="181" />
        <location filename="../../desktop/views/messages.py" line="195" />
        <source>suspended</source>
        <translation>suspensa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="190" />
        <source>called again</source>
        <translation>chamada de novo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="191" />
        <source>started</source>
        <translation>iniciada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="192" />
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="194" />
        <source>transferred</source>
        <translation>transferida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="196" />
        <source>resumed</source>
        <translation>retomada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="198" />
        <source>reactivated</source>
        <translation>reativada</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="204" />
        <source>No priority</source>
        <translation>Sem prioridade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="205" />
        <source>Disability or incapacity</source>
        <translation>Deficiência ou incapacidade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="206" />
        <source>Elderly person</source>
        <translation>Pessoa idosa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="207" />
        <location filename="../../desktop/views/messages.py" line="218" />
        <source>Pregnancy</source>
        <translation>Grávida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="208" />
        <source>Infant in arms</source>
        <translation>Criança de colo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="216" />
        <source>Disability</source>
        <translation>Deficiência</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="217" />
        <source>Elderly</source>
        <translation>Idoso</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="219" />
        <source>Infant</source>
        <translation>Criança de colo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="225" />
        <source>Resolved</source>
        <translation>Resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="226" />
        <source>Partially resolved</source>
        <translation>Parcialmente resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="227" />
        <source>Referred elsewhere</source>
        <translation>Encaminhado para outra entidade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="228" />
        <source>Not resolved</source>
        <translation>Não resolvido</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="229" />
        <source>Information only</source>
        <translation>Apenas informação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="235" />
        <source>Break</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="236" />
        <source>Back-office work</source>
        <translation>Trabalho interno</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="237" />
        <source>Training</source>
        <translation>Formação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="238" />
        <source>Meeting</source>
        <translation>Reunião</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="239" />
        <source>Technical problem</source>
        <translation>Problema técnico</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="240" />
        <source>Other reason</source>
        <translation>Outro motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="246" />
        <source>Open</source>
        <translation>Aberto</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="248" />
        <source>Closed</source>
        <translation>Fechado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="251" />
        <source>Paused: {reason}</source>
        <translation>Em pausa: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="254" />
        <source>Paused</source>
        <translation>Em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="266" />
        <source>Returned to the front of queue {service}.</source>
        <translation>Voltou para o início da fila {service}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="268" />
        <source>Appointment at {time}.</source>
        <translation>Marcação para as {time}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="270" />
        <source>Appointment at {time}, called early: nobody else is waiting.</source>
        <translation>Marcação para as {time}, chamada mais cedo: não há mais ninguém à espera.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="275" />
        <source>Waited {minutes} min in queue {service} while {streak} priority tickets went first.</source>
        <translation>Esperou {minutes} min na fila {service} enquanto passaram {streak} senhas prioritárias.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="279" />
        <source>Legal priority: {category}.</source>
        <translation>Atendimento prioritário: {category}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="284" />
        <source>Longest wait for this counter: {minutes} min in queue {service}.</source>
        <translation>Maior espera para este balcão: {minutes} min na fila {service}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="287" />
        <source>Called by its number.</source>
        <translation>Chamada pelo número.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="296" />
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="299" />
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/messages.py" line="300" />
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
</context>
<context>
    <name>MonitorWindow</name>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="43" />
        <source>Balcão: monitor</source>
        <translation>Balcão: monitorização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="44" />
        <source>Monitor</source>
        <translation>Monitorização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="49" />
        <source>Services</source>
        <translation>Serviços</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="50" />
        <source>Counters</source>
        <translation>Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="53" />
        <source>&amp;Queues by service</source>
        <translation>&amp;Filas por serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="56" />
        <source>C&amp;ounters</source>
        <translation>&amp;Balcões</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="60" />
        <source>The figures on screen may be out of date. Reconnecting automatically…</source>
        <translation>Os números no ecrã podem estar desatualizados. A restabelecer a ligação automaticamente…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="72" />
        <source>&amp;Work at a counter…</source>
        <translation>&amp;Trabalhar num balcão…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="103" />
        <source>Balcão: monitor · {centre}</source>
        <translation>Balcão: monitorização · {centre}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="110" />
        <source>Loading the queues…</source>
        <translation>A carregar as filas…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="122" />
        <source>{waiting} waiting · {open} counters open</source>
        <translation>{waiting} em espera · {open} balcões abertos</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_window.py" line="126" />
        <source>{count} over the target wait</source>
        <translation>{count} acima do tempo de espera objetivo</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="90" />
        <source>Offline</source>
        <translation>Sem ligação</translation>
    </message>
    <message>
        <location filename="../../desktop/views/connection_widgets.py" line="91" />
        <source>No connection to the central service</source>
        <translation>Sem ligação ao serviço central</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="286" />
        <source>Pause the counter</source>
        <translation>Pôr o balcão em pausa</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="290" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="302" />
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <location filename="../../desktop/views/prompter.py" line="23" />
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="26" />
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="40" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/views/prompter.py" line="41" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="150" />
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="151" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="152" />
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="153" />
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="154" />
        <source>For counter</source>
        <translation>Para o balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/queue_table_model.py" line="179" />
        <source>Returned to the front of the queue</source>
        <translation>Voltou para o início da fila</translation>
    </message>
</context>
<context>
    <name>QueueTableView</name>
    <message>
        <location filename="../../desktop/views/queue_table_view.py" line="25" />
        <source>Waiting tickets</source>
        <translation>Senhas em espera</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="80" />
        <source>Balcão: reception</source>
        <translation>Balcão: receção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="81" />
        <source>Reception</source>
        <translation>Receção</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="110" />
        <source>No priority (Enter)</source>
        <translation>Sem prioridade (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="114" />
        <source>Back (Esc)</source>
        <translation>Voltar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="115" />
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="125" />
        <location filename="../../desktop/views/reception_window.py" line="129" />
        <source>Last ticket issued</source>
        <translation>Última senha emitida</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="126" />
        <source>No ticket issued yet.</source>
        <translation>Ainda não foi emitida nenhuma senha.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="134" />
        <source>Issue a ticket</source>
        <translation>Emitir senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="140" />
        <source>Ticket number to find</source>
        <translation>Número da senha a procurar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="141" />
        <source>e.g. A012</source>
        <translation>p. ex. A012</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="143" />
        <source>&amp;Find ticket:</source>
        <translation>&amp;Procurar senha:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="145" />
        <location filename="../../desktop/views/reception_window.py" line="146" />
        <source>Find</source>
        <translation>Procurar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="150" />
        <source>Tickets found</source>
        <translation>Senhas encontradas</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="152" />
        <source>Ticket</source>
        <translation>Senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="152" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="152" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="152" />
        <source>Issued at</source>
        <translation>Emitida às</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="162" />
        <location filename="../../desktop/views/reception_window.py" line="163" />
        <source>Cancel ticket</source>
        <translation>Cancelar senha</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="165" />
        <source>Reactivate at the back</source>
        <translation>Reativar no fim</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="166" />
        <source>Reactivate at the back of the queue</source>
        <translation>Reativar no fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="168" />
        <source>Reactivate at the front</source>
        <translation>Reativar no início</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="170" />
        <source>Reactivate at the front of the queue</source>
        <translation>Reativar no início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="173" />
        <source>Find, cancel or reactivate</source>
        <translation>Procurar, cancelar ou reativar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="188" />
        <source>Tickets cannot be issued until the connection is back. Reconnecting…</source>
        <translation>Não é possível emitir senhas até a ligação voltar. A restabelecer…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="254" />
        <source>{prefix} · {service}: priority?</source>
        <translation>{prefix} · {service}: prioridade?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="261" />
        <source>This service does not take priority tickets.</source>
        <translation>Este serviço não tem atendimento prioritário.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="299" />
        <source>Issued at {time}</source>
        <translation>Emitida às {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="327" />
        <source>There is no ticket with this number today.</source>
        <translation>Não há nenhuma senha com este número hoje.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="389" />
        <source>Ticket {number} is now {status}.</source>
        <translation>A senha {number} está agora {status}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reception_window.py" line="441" />
        <source>{count} waiting</source>
        <translation>{count} em espera</translation>
    </message>
</context>
<context>
    <name>ServiceLoadTableModel</name>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="97" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="98" />
        <source>Waiting</source>
        <translation>Em espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="99" />
        <source>Priority</source>
        <translation>Prioritários</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="100" />
        <source>Longest wait</source>
        <translation>Maior espera</translation>
    </message>
    <message>
        <location filename="../../desktop/views/monitor_models.py" line="101" />
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="44" />
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="54" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="59" />
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="61" />
        <source>Counter of this computer</source>
        <translation>Balcão deste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="62" />
        <source>Ask at sign-in</source>
        <translation>Perguntar ao iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="71" />
        <source>Lock after minutes without use</source>
        <translation>Bloquear após minutos sem utilização</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="73" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="75" />
        <source>Remember my session on this computer</source>
        <translation>Lembrar a minha sessão neste computador</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="89" />
        <source>Set by your organisation: it cannot be changed here.</source>
        <translation>Definido pela sua organização: não pode ser alterado aqui.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="92" />
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="93" />
        <source>A new language applies the next time Balcão starts.</source>
        <translation>O novo idioma aplica-se da próxima vez que abrir o Balcão.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="97" />
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="98" />
        <source>&amp;Counter:</source>
        <translation>&amp;Balcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="99" />
        <source>Lock &amp;after:</source>
        <translation>Bloquear &amp;após:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="103" />
        <source>Greyed-out settings are fixed by your organisation.</source>
        <translation>As definições a cinzento são fixadas pela sua organização.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="115" />
        <location filename="../../desktop/views/settings_dialog.py" line="117" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../desktop/views/settings_dialog.py" line="119" />
        <location filename="../../desktop/views/settings_dialog.py" line="120" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TicketActionDialogs</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="50" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="170" />
        <source>Transfer ticket {number}</source>
        <translation>Transferir a senha {number}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="174" />
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="175" />
        <source>Keep the same service</source>
        <translation>Manter o mesmo serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="180" />
        <source>Counter</source>
        <translation>Balcão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="181" />
        <source>Any counter of the service</source>
        <translation>Qualquer balcão do serviço</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="186" />
        <source>At the &amp;back of the queue</source>
        <translation>No &amp;fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="187" />
        <source>At the back of the queue</source>
        <translation>No fim da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="188" />
        <source>At the &amp;front of the queue</source>
        <translation>No &amp;início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="189" />
        <source>At the front of the queue</source>
        <translation>No início da fila</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="191" />
        <source>Position</source>
        <translation>Posição</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="202" />
        <source>&amp;Service:</source>
        <translation>&amp;Serviço:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="203" />
        <source>&amp;Counter:</source>
        <translation>B&amp;alcão:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/ticket_action_dialogs.py" line="208" />
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="88" />
        <source>Signed in as</source>
        <translation>Sessão iniciada por</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="97" />
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="98" />
        <source>&amp;Settings…</source>
        <translation>&amp;Definições…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="101" />
        <source>&amp;Lock screen</source>
        <translation>&amp;Bloquear ecrã</translation>
    </message>
    <message>
        <location filename="../../desktop/views/workspace_window.py" line="105" />
        <source>Log &amp;out</source>
        <translation>Terminar s&amp;essão</translation>
    </message>
</context>
</TS>
