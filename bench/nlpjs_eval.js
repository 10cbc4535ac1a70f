// The nlp.js side of bench/compare_nlpjs.sh: trains node-nlp's NlpManager on the nine document
// questions of a backtalk knowledge file, then measures accuracy on a labelled set (the format
// of `backtalk eval`: expected<TAB>input, expected being the document's question or "-") and
// throughput over a file of questions. Prints one JSON object.
//   node bench/nlpjs_eval.js KNOWLEDGE.json LABELLED.tsv QUESTIONS.txt THRESHOLD MODE
// MODE "questions": each intent is trained on its question only; "answers": on its question
// plus each sentence of its answer. An input is answered when the top intent's score is at
// least THRESHOLD (and the intent is not "None"); otherwise it counts as "I don't know".
const fs = require('fs');
const { NlpManager } = require('node-nlp');

async function main() {
  const [knowledgePath, labelledPath, questionsPath, thresholdText, mode] = process.argv.slice(2);
  const threshold = Number(thresholdText);
  const knowledge = JSON.parse(fs.readFileSync(knowledgePath, 'utf8'));
  const manager = new NlpManager({ languages: ['en'], nlu: { log: false }, autoSave: false });
  const questionOf = {};
  for (const intent of knowledge.intents) {
    questionOf[intent.id] = intent.question;
    manager.addDocument('en', intent.question, intent.id);
    if (mode === 'answers') {
      for (const sentence of intent.answer.split(/(?<=[.!?])\s+|\n+/)) {
        const s = sentence.replace(/^[•\s]+/, '').trim();
        if (s.length > 3) manager.addDocument('en', s, intent.id);
      }
    }
    manager.addAnswer('en', intent.id, intent.answer);
  }
  const trainStart = process.hrtime.bigint();
  await manager.train();
  const trainMs = Number(process.hrtime.bigint() - trainStart) / 1e6;

  const answer = async (text) => {
    const r = await manager.process('en', text);
    const top = r.classifications && r.classifications.length ? r.classifications[0] : null;
    if (!top || top.intent === 'None' || top.score < threshold) return null;
    return questionOf[top.intent] || null;
  };

  let inScope = 0, inRight = 0, outScope = 0, outRejected = 0;
  for (const line of fs.readFileSync(labelledPath, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const expected = line.slice(0, tab).trim();
    const got = await answer(line.slice(tab + 1));
    if (expected === '-') {
      outScope++;
      if (got === null) outRejected++;
    } else {
      inScope++;
      if (got === expected) inRight++;
    }
  }

  const questions = fs.readFileSync(questionsPath, 'utf8').split('\n').filter((l) => l.trim());
  const start = process.hrtime.bigint();
  for (const q of questions) await answer(q);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({
    mode, threshold, train_ms: trainMs, in_scope: inScope, in_right: inRight,
    out_scope: outScope, out_rejected: outRejected, questions: questions.length,
    seconds, per_second: questions.length / seconds,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
