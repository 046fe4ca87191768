import { Kafka } from 'kafkajs';
import logger from '@acme/logger';

const kafka = new Kafka({ brokers: ['kafka:9092'] });
logger.info('Kafka client created');
export default kafka;
