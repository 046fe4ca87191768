import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
console.log('Kafka client created');
export default kafka;
